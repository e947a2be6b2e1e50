package no.kildevakt.links.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * URLs written out in a plain-text issue (the text version of a newsletter e-mail), one occurrence per
 * URL and line. Nothing marks links in plain text, so {@link TextUrls} decides where each ends. The text
 * is read line by line ({@link TextLines}), so a 50 MB file is never held as one string.
 *
 * <p>Its entries are its paragraphs (cut at blank lines). A paragraph of one short line with no full
 * stop, or a line underlined with {@code ===} or {@code ---}, is a heading: that is how a newsletter's
 * text version sets its titles.
 */
final class TextExtractor implements FormatExtractor {
    /** A first line longer than this is not a title. */
    private static final int MAX_TITLE = 120;
    /** A one-line paragraph of at most this many words, not ending as a sentence does, is a heading. */
    private static final int HEADING_WORDS = 12;

    @Override
    public ExtractedDocument extract(Source source) {
        Occurrences out = new Occurrences(source.document());
        TextLines input = TextLines.decode(source, out);
        String title = null;
        int number = 0;
        Paragraphs paragraphs = new Paragraphs(source.entries());
        try (BufferedReader lines = input.open()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (title == null && !line.isBlank()) {
                    title = line.length() > MAX_TITLE ? "" : line;
                }
                scanLine(line, ++number, out);
                paragraphs.line(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // read from memory: does not happen
        }
        paragraphs.end();
        return out.result(DocumentType.TEXT, title == null ? "" : title, paragraphs.entries);
    }

    /** Lines gathered into paragraphs for {@link Entries}, at most {@link Entries#MAX_TEXT} characters held. */
    private static final class Paragraphs {
        private final Entries entries;
        private final StringBuilder paragraph = new StringBuilder();
        private int lines;
        private boolean first = true;
        private String firstLine;
        private int longestRest;

        Paragraphs(Entries entries) {
            this.entries = entries;
        }

        void line(String line) {
            String l = line.strip();
            if (l.isEmpty()) {
                end();
                return;
            }
            if (lines == 1 && l.length() >= 3 && l.chars().allMatch(c -> c == '=' || c == '-')) {
                if (first) {
                    entries.ownTitle(paragraph.toString());
                    first = false;
                }
                entries.heading(paragraph.toString()); // a setext underline
                reset();
                return;
            }
            if (l.startsWith("#")) {
                end();
                entries.heading(l.replaceFirst("^#+\\s*", ""));
                return;
            }
            if (lines == 0) {
                firstLine = l;
            } else {
                longestRest = Math.max(longestRest, l.length());
            }
            if (paragraph.length() < 4 * Entries.MAX_TEXT) {
                paragraph.append(lines > 0 ? " " : "").append(l);
            }
            lines++;
        }

        /** Short, and not the end of a sentence: a title. */
        private static boolean titleLike(String line, int words) {
            return line.split("\\s+").length <= words && !line.matches(".*[.!?,;…»\"”)]$") && TextUrls.find(line).isEmpty();
        }

        void end() {
            String p = paragraph.toString();
            if (!p.isBlank()) {
                if (first) {
                    // the first line is the issue's title only when it stands alone, as a title does
                    entries.ownTitle(lines == 1 && titleLike(p, HEADING_WORDS) ? p : "");
                    first = false;
                }
                if (lines == 1 && titleLike(p, HEADING_WORDS)) {
                    entries.heading(p);
                } else if (lines > 1 && firstLine.length() < 0.6 * longestRest && titleLike(firstLine, HEADING_WORDS / 2)) {
                    // a title set on its own line over its text (a line a wrap cut is about as long as the next)
                    entries.heading(firstLine);
                    entries.paragraph(p.substring(Math.min(p.length(), firstLine.length())));
                } else {
                    entries.paragraph(p);
                }
            }
            reset();
        }

        private void reset() {
            paragraph.setLength(0);
            lines = 0;
            firstLine = null;
            longestRest = 0;
        }
    }

    /** Adds the URLs in {@code line}, line {@code number} of the document. Markdown too large to parse is read this way. */
    static void scanLine(String line, int number, Occurrences out) {
        for (TextUrls.Found found : TextUrls.find(line)) {
            out.addBare(found.url(), "line " + number);
        }
    }
}
