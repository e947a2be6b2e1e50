package no.kildevakt.links.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The document formats past issues are published in, with the evidence that identifies each: its
 * media type, its file name extensions, and what it looks like.
 */
public enum DocumentType {
    PDF("pdf", List.of("application/pdf", "application/x-pdf"), List.of(".pdf")),
    HTML("html", List.of("text/html", "application/xhtml+xml"), List.of(".html", ".htm")),
    MARKDOWN("markdown", List.of("text/markdown", "text/x-markdown"), List.of(".md", ".markdown")),
    DOCX("docx", List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            List.of(".docx")),
    TEXT("text", List.of(), List.of(".txt"));

    private final String id;
    private final List<String> mediaTypes;
    private final List<String> extensions;

    DocumentType(String id, List<String> mediaTypes, List<String> extensions) {
        this.id = id;
        this.mediaTypes = mediaTypes;
        this.extensions = extensions;
    }

    /** The name used in {@link ExtractedDocument#type()} and in reports. */
    public String id() {
        return id;
    }

    /** File name extensions (lower case, with the dot) a folder walk picks up for this type. */
    public List<String> extensions() {
        return extensions;
    }

    /** The type a specific media type names ({@code text/plain} and the like say nothing; empty). */
    static Optional<DocumentType> byMediaType(String mediaType) {
        for (DocumentType type : values()) {
            if (type.mediaTypes.contains(mediaType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type a file name or URL path ends in, ignoring case, query and fragment. */
    static Optional<DocumentType> byName(String name) {
        String path = name.split("[?#]", 2)[0].toLowerCase(Locale.ROOT);
        for (DocumentType type : values()) {
            for (String ext : type.extensions) {
                if (path.endsWith(ext)) {
                    return Optional.of(type);
                }
            }
        }
        return Optional.empty();
    }
}
