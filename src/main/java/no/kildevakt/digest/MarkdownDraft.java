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
        if (draft.items().isEmpty()) {
            md.append("\nIngen saker i perioden.\n");
        }
        for (DigestSection section : draft.items().sections()) {
            md.append("\n## ").append(MarkdownText.escape(section.title())).append("\n");
            for (DigestEntry e : section.entries()) {
                md.append("\n### ").append(MarkdownText.escape(e.item().draftTitle())).append("\n\n");
                // lead, date and link make one paragraph, as in the newsletter
                StringBuilder paragraph = new StringBuilder(MarkdownText.inline(Sentences.lead(e.item().draftSummary())));
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(MarkdownText.inline(DraftWriter.date(e)));
                WebLinks.safe(e.item().url()).ifPresent(u -> paragraph.append(" – [se her](").append(MarkdownText.destination(u)).append(")"));
                md.append(MarkdownText.lineStart(paragraph.toString()));
                md.append("\n");
            }
        }
        return md.toString();
    }
}
