package no.kildevakt.links.extract;

import java.util.List;
import java.util.Objects;

/**
 * The links found in one published issue, in document order, with what went wrong while reading it.
 * A document that could not be read at all (corrupt PDF, encrypted, too large, empty) is still
 * returned, with no links and a warning, so that one bad file never stops a folder walk or a run.
 *
 * @param document the file path or URL of the issue, as given
 * @param type     {@code pdf}, {@code html}, {@code markdown}, {@code docx} or {@code text}
 *                 (see {@link DocumentType#id()}); {@value LinkExtractor#UNSUPPORTED_TYPE} for content in
 *                 none of these formats (an image, a legacy .doc), which then has a warning and no links
 * @param title    the document's own title (HTML {@code <title>}, first Markdown heading or front matter
 *                 {@code title:}, PDF/DOCX document properties); empty when it has none
 * @param links    every occurrence, in document order; identical occurrences (same URL, location and
 *                 text) are listed once
 * @param warnings one-line messages about problems met (without the document name, which is in
 *                 {@link #document()}; {@link #warningLines()} adds it)
 */
public record ExtractedDocument(String document, String type, String title,
                                List<LinkOccurrence> links, List<String> warnings) {
    public ExtractedDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(type, "type");
        title = title == null ? "" : title;
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
    }

    /** The warnings as {@code document: warning} lines, ready to print. */
    public List<String> warningLines() {
        return warnings.stream().map(w -> document + ": " + w).toList();
    }
}
