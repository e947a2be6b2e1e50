package no.kildevakt.links.extract;

import java.util.Objects;

/**
 * One item of a published issue as the newsletter wrote it: its heading (an item heading, a bold
 * lead-in, or a paragraph's first sentence when it has neither) and the paragraphs under it. Section
 * and group headings ("Verdt å merke seg", "UNODC") are not entries: they say where an item stands,
 * not what it is about. Learning reads entries as examples of what the newsletter writes about.
 *
 * @param heading the entry's heading, on one line, never empty
 * @param text    its paragraphs joined on one line (URLs left out), possibly empty
 */
public record IssueEntry(String heading, String text) {
    public IssueEntry {
        Objects.requireNonNull(heading, "heading");
        text = text == null ? "" : text;
    }
}
