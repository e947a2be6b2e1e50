package no.kildevakt.digest;

/**
 * The digest as Markdown to paste into an editor or a wiki: a heading per section, per entry the title
 * as a link (only for http(s) URLs), a line with date, source and why it scored, and the summary. Every
 * piece of crawled text goes through {@link MarkdownText#escape}, so a title cannot become a link, an
 * image or raw HTML.
 */
public final class MarkdownDigest implements DigestWriter {
    @Override
    public String write(Digest digest) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(MarkdownText.escape(DigestText.heading(digest))).append("\n");
        if (digest.isEmpty()) {
            md.append("\nIngen nye saker i perioden.\n");
        }
        for (DigestSection section : digest.sections()) {
            md.append("\n## ").append(MarkdownText.escape(section.title())).append("\n");
            boolean divided = false;
            for (DigestEntry e : section.entries()) {
                if (!divided && digest.belowThreshold(e)) {
                    md.append("\n---\n\n*").append(MarkdownText.inline(DigestText.divider(digest))).append("*\n");
                    divided = true;
                }
                md.append("\n### ").append(title(e)).append("\n\n");
                // in italics: reads as a by-line, and a date cannot start an ordered list
                md.append('*').append(MarkdownText.inline(DigestText.date(e))).append(" · ")
                        .append(MarkdownText.inline(e.source())).append(" · ")
                        .append(MarkdownText.inline(DigestText.why(e))).append("*\n");
                String summary = MarkdownText.escape(e.item().summary());
                if (!summary.isEmpty()) {
                    md.append("\n").append(summary).append("\n");
                }
            }
        }
        return md.toString();
    }

    /** The escaped title, linked when the URL is http(s); the title alone otherwise. */
    static String title(DigestEntry e) {
        return link(MarkdownText.escape(e.item().title()), e.item().url());
    }

    /** {@code [text](<url>)} for a safe URL, else the text. */
    static String link(String escapedText, String url) {
        return WebLinks.safe(url).map(u -> "[" + escapedText + "](" + MarkdownText.destination(u) + ")").orElse(escapedText);
    }
}
