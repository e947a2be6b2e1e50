package no.kildevakt.links.extract;

import java.util.Objects;

/**
 * One place where a published issue cites a link. The checker checks each distinct URL once but
 * reports every occurrence, because an editor fixing a dead link must find each place it was cited.
 *
 * @param url      the link as written; when it is relative and the document has a base (its own
 *                 http(s) URL, an HTML {@code <base>}, a PDF {@code /URI /Base}, a DOCX hyperlink base)
 *                 it is resolved to an absolute URL, otherwise it is kept as found. Fragments are kept.
 *                 {@link LinkExtractor#classifyScheme(String)} tells which ones can be checked.
 * @param document the file path or URL of the issue, as given to the extractor
 * @param location where in the document: {@code page 3} (PDF), {@code line 42} (HTML, Markdown, text:
 *                 the source line the link starts on), {@code paragraph 7} or
 *                 {@code table 1, row 2, cell 3} (DOCX); where several links share that place, each
 *                 has its number there too ({@code line 1, link 3}), so every occurrence has a place
 *                 of its own
 * @param text     the anchor text, white space collapsed and trimmed; empty when there is none
 */
public record LinkOccurrence(String url, String document, String location, String text) {
    public LinkOccurrence {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(location, "location");
        text = text == null ? "" : text;
    }
}
