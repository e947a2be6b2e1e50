package no.kildevakt.links.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * URLs written out in a plain-text issue (the text version of a newsletter e-mail), one occurrence per
 * URL and line. Nothing marks links in plain text, so {@link TextUrls} decides where each ends. The text
 * is read line by line ({@link TextLines}), so a 50 MB file is never held as one string.
 */
final class TextExtractor implements FormatExtractor {
    /** A first line longer than this is not a title. */
    private static final int MAX_TITLE = 120;

    @Override
    public ExtractedDocument extract(Source source) {
        Occurrences out = new Occurrences(source.document());
        TextLines input = TextLines.decode(source, out);
        String title = null;
        int number = 0;
        try (BufferedReader lines = input.open()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (title == null && !line.isBlank()) {
                    title = line.length() > MAX_TITLE ? "" : line;
                }
                scanLine(line, ++number, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // read from memory: does not happen
        }
        return out.result(DocumentType.TEXT, title == null ? "" : title);
    }

    /** Adds the URLs in {@code line}, line {@code number} of the document. Markdown too large to parse is read this way. */
    static void scanLine(String line, int number, Occurrences out) {
        for (TextUrls.Found found : TextUrls.find(line)) {
            out.addBare(found.url(), "line " + number);
        }
    }
}
