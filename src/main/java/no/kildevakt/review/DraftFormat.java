package no.kildevakt.review;

import java.util.Locale;
import no.kildevakt.digest.DraftDocument;
import no.kildevakt.digest.DraftWriter;

/**
 * The forms a draft is copied or downloaded in, with what HTTP needs to serve each; the file itself
 * is the digest's ({@link DraftDocument}), the same {@code kildevakt draft --format} writes. Word's is
 * downloaded only: it is no text to copy.
 */
public enum DraftFormat {
    MD("text/markdown; charset=utf-8", "md"),
    HTML("text/html; charset=utf-8", "html"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private final String contentType;
    private final String extension;

    DraftFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The digest's text writer for this format. @throws IllegalStateException for Word's, which is no text */
    public DraftWriter writer() {
        if (!(document() instanceof DraftWriter writer)) {
            throw new IllegalStateException("a ." + extension + " draft is no text; use document()");
        }
        return writer;
    }

    /** The digest's file for this format. */
    public DraftDocument document() {
        return DraftDocument.of(extension);
    }

    /** {@code md}, {@code html} or {@code docx}. @throws IllegalArgumentException otherwise */
    public static DraftFormat of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> MD;
            case "html" -> HTML;
            case "docx", "word" -> DOCX;
            default -> throw new IllegalArgumentException("unknown draft format \"" + name + "\"; use md, html or docx");
        };
    }
}
