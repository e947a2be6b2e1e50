package no.kildevakt.digest;

/**
 * The draft as Markdown in the newsletter's structure: a {@code ##} heading per section, a {@code ###}
 * heading per item, its lead sentences, then the date and "se her" linking to it. Crawled and edited
 * text is escaped ({@link MarkdownText}); only http(s) URLs are linked.
 */
public final class MarkdownDraft implements DraftWriter {
    @Override
    public String write(Draft draft) {
        StringBuilder md = new StringBuilder("# ").append(MarkdownText.escape(DraftWriter.heading(draft))).append("\n");
        if (draft.isEmpty()) {
            md.append("\nIngen saker i perioden.\n");
        }
        for (Draft.DraftSection section : draft.sections()) {
            md.append("\n## ").append(MarkdownText.escape(section.title())).append("\n");
            for (Draft.DraftGroup group : section.groups()) {
                if (!group.title().isEmpty()) {
                    md.append("\n### ").append(MarkdownText.escape(group.title())).append("\n");
                }
                String level = group.title().isEmpty() ? "###" : "####";
                for (Draft.DraftEntry e : group.entries()) {
                    md.append("\n").append(level).append(' ').append(MarkdownText.escape(e.title())).append("\n\n");
                    md.append(MarkdownText.lineStart(paragraph(section, e))).append("\n");
                }
            }
        }
        return md.toString();
    }

    /** The text, the date of an event, then ", se her." linked, as one paragraph. */
    private static String paragraph(Draft.DraftSection section, Draft.DraftEntry e) {
        StringBuilder paragraph = new StringBuilder(MarkdownText.inline(DraftWriter.beforeLink(e.text())));
        java.util.Optional<String> link = WebLinks.safe(e.url());
        if (link.isPresent()) {
            paragraph.append(paragraph.isEmpty() ? "[Se her](" : ", [se her](").append(MarkdownText.destination(link.get())).append(").");
        } else if (!paragraph.isEmpty()) {
            paragraph.append('.');
        }
        return paragraph.toString();
    }
}
