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
 * @param unreadable the document, or a part of it, could not be read (corrupt, encrypted, unsupported,
 *                 too large, a file that cannot be opened), so links are missing; the reason is among
 *                 the warnings. A run that meets one must not look like a clean run. Limits that left
 *                 part of a document unread on purpose are warnings only
 * @param entries  the issue's items (heading and paragraphs), in document order, for learning what the
 *                 newsletter writes about; at most {@value Entries#MAX_ENTRIES}. Empty for a document
 *                 read only for its links
 */
public record ExtractedDocument(String document, String type, String title,
                                List<LinkOccurrence> links, List<String> warnings, boolean unreadable,
                                List<IssueEntry> entries) {
    public ExtractedDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(type, "type");
        title = title == null ? "" : title;
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** A document with no entries (its links only). */
    public ExtractedDocument(String document, String type, String title, List<LinkOccurrence> links,
                             List<String> warnings, boolean unreadable) {
        this(document, type, title, links, warnings, unreadable, List.of());
    }

    /** A document that was read, with these warnings. */
    public ExtractedDocument(String document, String type, String title, List<LinkOccurrence> links,
                             List<String> warnings) {
        this(document, type, title, links, warnings, false);
    }

    /** A document that could not be read at all, for {@code reason}. */
    public static ExtractedDocument unreadable(String document, String type, String reason) {
        return new ExtractedDocument(document, type, "", List.of(), List.of(reason), true, List.of());
    }

    /** The warnings as {@code document: warning} lines, ready to print. */
    public List<String> warningLines() {
        return warnings.stream().map(w -> document + ": " + w).toList();
    }
}
