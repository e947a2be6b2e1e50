package no.kildevakt.links.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.config.Section;
import no.kildevakt.text.Ascii;
import no.kildevakt.text.OneLine;

/**
 * Cuts an issue into its items ({@link IssueEntry}) from the blocks an extractor reads in document
 * order: headings, paragraphs, and paragraphs that open with a bold lead-in. The format readers say
 * what a block is; this class alone decides what an entry is, so that a PDF, a Word file and a
 * Markdown file of the same issue give the same entries.
 *
 * <p>The newsletter's layout: section headings ("Verdt å merke seg", "Aktuelle norske tiltak, ..."),
 * under them group headings ("UNODC", "Sverige", "Rapporter fra politiet"), and under those the items,
 * each a heading or bold lead-in and a paragraph ("Kripos publiserte i oktober rapporten «…», se her.").
 * So:
 * <ul>
 *   <li>a heading with paragraphs is one entry: the heading, and its paragraphs as the text;</li>
 *   <li>a section title, the document's title (with the welcome text under it), and a heading with no
 *       paragraph of its own (a group) is no entry; a heading with no paragraph but of four words or more is an entry by itself (an item
 *       whose heading is its whole text), unless it is the document's title or first heading;</li>
 *   <li>a paragraph under no item heading (under a section title, at the start) is an entry by itself,
 *       its first sentence the heading; one of fewer than four words is not (a page number, "se her");</li>
 *   <li>a short heading (three words or fewer) over several paragraphs is a group name over items
 *       written without headings: each paragraph is an entry by itself.</li>
 * </ul>
 * Bounded: at most {@link #MAX_ENTRIES} entries, each heading cut at {@link #MAX_HEADING} and each
 * text at {@link #MAX_TEXT} characters, so a hostile document costs no more than a long issue.
 * Not thread-safe; one per document.
 */
final class Entries {
    /** Entries kept from one document; a newsletter issue has tens. */
    static final int MAX_ENTRIES = 2_000;
    /** Characters of text kept per entry: an item is a paragraph or two. */
    static final int MAX_TEXT = 2_000;
    /** Characters of a heading; a longer "heading" is a paragraph set in bold. */
    static final int MAX_HEADING = 300;
    /** A heading of at most this many words over several paragraphs names a group, not an item. */
    private static final int GROUP_WORDS = 3;
    /** Fewer words than this make no entry on their own. */
    private static final int MIN_WORDS = 4;
    /** Section titles of this shape are sections whatever feeds.yml calls them. */
    private static final Pattern SECTION = Pattern.compile(
            "(aktuelle .*(tiltak|rapporter|forskning).*|kommende arrangementer|arrangementer|verdt å merke seg"
                    + "|innhold|innholdsfortegnelse|les mer|nyheter)");
    /** The end of a first sentence: a full stop, ! or ? before a capital, a quote or a digit. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]\\s+(?=[\\p{Lu}«\"“(\\d])");

    private final Set<String> sections = new HashSet<>();
    private final List<IssueEntry> entries = new ArrayList<>();
    private boolean truncated;

    /** The open heading and the text under it; null when no item heading is open. */
    private String heading;
    private boolean headingIsSection;
    private boolean headingIsShort;
    private final StringBuilder text = new StringBuilder();
    private int paragraphs;
    /** The short heading in force turned out to be a group: its paragraphs are entries by themselves. */
    private boolean group;
    private String firstHeading;
    /** The document's title as its reader knows it, when that differs from the title it reports; null when not. */
    private String ownTitle;

    /** @param sectionTitles the newsletter's section titles (feeds.yml), on top of the default ones */
    Entries(Collection<String> sectionTitles) {
        for (Section s : Section.defaults()) {
            sections.add(key(s.title()));
        }
        for (String title : sectionTitles) {
            sections.add(key(title));
        }
    }

    /** A heading block: h1–h6, a Word heading style, a paragraph all in bold, a PDF line set large or bold. */
    void heading(String raw) {
        String h = clean(raw, MAX_HEADING);
        if (h.isEmpty()) {
            return;
        }
        close();
        if (firstHeading == null) {
            firstHeading = h;
        }
        heading = h;
        headingIsSection = isSection(h);
        headingIsShort = words(h) <= GROUP_WORDS;
    }

    /** A paragraph that opens with a bold run: the run is the item's heading, the rest its text. */
    void leadIn(String bold, String rest) {
        String h = clean(bold, MAX_HEADING).replaceAll("[\\s:.–-]+$", "");
        if (h.isEmpty()) {
            paragraph(rest);
            return;
        }
        close();
        heading = h;
        headingIsSection = isSection(h);
        headingIsShort = false; // a lead-in heads its own paragraph, never a group
        paragraph(rest);
    }

    /** A paragraph of running text (a list item, a table cell with text, a PDF paragraph). */
    void paragraph(String raw) {
        String p = clean(raw, MAX_TEXT);
        if (p.isEmpty()) {
            return;
        }
        if (heading == null || headingIsSection || group) {
            standalone(p);
            return;
        }
        if (headingIsShort && paragraphs == 1) {
            // a second paragraph under a group name: the first was an item of its own too
            group = true;
            standalone(text.toString());
            text.setLength(0);
            standalone(p);
            return;
        }
        paragraphs++;
        append(p);
    }

    /**
     * Sets the title that is no entry, where the title a reader reports is a guess that may be an item
     * (Markdown reports its first heading, of any level; plain text its first line).
     */
    void ownTitle(String title) {
        ownTitle = title == null ? "" : title;
    }

    /** The entries, in document order; {@code title} is the document's title, which is no entry. */
    List<IssueEntry> finish(String title) {
        close();
        String titleKey = key(ownTitle != null ? ownTitle : title == null ? "" : title);
        String firstKey = firstHeading == null || ownTitle != null ? null : key(firstHeading);
        // the issue's own title, with its welcome text, and its first heading alone are about the issue, not an item
        entries.removeIf(e -> key(e.heading()).equals(titleKey) || (e.text().isEmpty() && key(e.heading()).equals(firstKey)));
        return List.copyOf(entries);
    }

    /** Whether entries were left out because the document had more than {@link #MAX_ENTRIES}. */
    boolean truncated() {
        return truncated;
    }

    /** The warning for a result, or null. */
    String warning() {
        return truncated ? "only the first " + MAX_ENTRIES + " entries (heading and paragraph) were kept for learning" : null;
    }

    private void close() {
        if (heading != null && !headingIsSection && !group) {
            if (text.length() > 0) {
                add(heading, text.toString());
            } else if (words(heading) >= MIN_WORDS) {
                add(heading, "");
            }
        }
        heading = null;
        headingIsSection = false;
        headingIsShort = false;
        group = false;
        paragraphs = 0;
        text.setLength(0);
    }

    private void append(String p) {
        if (text.length() >= MAX_TEXT) {
            return;
        }
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(p, 0, Math.min(p.length(), MAX_TEXT - text.length()));
    }

    /** A paragraph with no heading of its own: its first sentence is the heading. */
    private void standalone(String p) {
        if (words(p) < MIN_WORDS) {
            return;
        }
        Matcher end = SENTENCE_END.matcher(p);
        int cut = -1;
        while (end.find()) {
            if (end.start() >= 15) { // not "Dr. ", "nr. 3" at the very start
                cut = end.start() + 1;
                break;
            }
        }
        if (cut < 0 || cut > MAX_HEADING) {
            if (p.length() <= MAX_HEADING) {
                add(p, "");
                return;
            }
            cut = p.lastIndexOf(' ', MAX_HEADING);
            cut = cut <= 0 ? MAX_HEADING : cut;
        }
        add(p.substring(0, cut), p.substring(cut));
    }

    private void add(String h, String t) {
        if (entries.size() >= MAX_ENTRIES) {
            truncated = true;
            return;
        }
        entries.add(new IssueEntry(h.strip(), t.strip()));
    }

    private boolean isSection(String h) {
        String k = key(h);
        return sections.contains(k) || SECTION.matcher(k).matches();
    }

    /** A heading as compared: case, accents as written, punctuation and spacing ignored. */
    private static String key(String s) {
        String k = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ");
        return k.strip();
    }

    // compiled once: every cited link's text is cleaned with them
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,.;:!?])");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("[(\\[]\\s*[)\\]]");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s:,.;–-]+");

    /** {@code raw} on one line without the URLs written out in it (they are links, not words), cut to {@code max}. */
    static String clean(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String s = raw.length() > 4 * max ? raw.substring(0, 4 * max) : raw;
        List<TextUrls.Found> urls = TextUrls.find(s);
        if (!urls.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            int at = 0;
            for (TextUrls.Found u : urls) {
                sb.append(s, at, u.start());
                at = u.end();
            }
            s = sb.append(s.substring(at)).toString();
        }
        String line = EMPTY_BRACKETS.matcher(SPACE_BEFORE_PUNCTUATION.matcher(OneLine.of(s)).replaceAll("$1")).replaceAll("");
        line = OneLine.of(line);
        if (line.length() > max) {
            int cut = line.lastIndexOf(' ', max);
            line = line.substring(0, cut > max / 2 ? cut : max);
        }
        return LEADING_PUNCTUATION.matcher(line).replaceFirst("");
    }

    /** The words of {@code s}: what {@code s.strip().split("\\s+")} counts, without making the pieces. */
    static int words(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return 0;
        }
        int words = 1;
        boolean inSpace = false;
        for (int i = 0; i < t.length(); i++) {
            boolean space = Ascii.isSpace(t.charAt(i));
            if (space && !inSpace) {
                words++; // stripped, so a run of white space always has a word after it
            }
            inSpace = space;
        }
        return words;
    }
}
