package no.kildevakt.review;

import java.util.Locale;
import no.kildevakt.digest.DraftWriter;

/**
 * The forms a draft is copied or downloaded in, with what HTTP needs to serve each; the text itself
 * is the digest's ({@link DraftWriter}), the same {@code kildevakt draft --format} prints.
 */
public enum DraftFormat {
    MD("text/markdown; charset=utf-8", "md"),
    HTML("text/html; charset=utf-8", "html");

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

    /** The digest's writer for this format. */
    public DraftWriter writer() {
        return DraftWriter.of(extension);
    }

    /** {@code md} or {@code html}. @throws IllegalArgumentException otherwise */
    public static DraftFormat of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> MD;
            case "html" -> HTML;
            default -> throw new IllegalArgumentException("unknown draft format \"" + name + "\"; use md or html");
        };
    }
}
