package no.kildevakt.digest;

import java.util.Locale;

/**
 * A draft as a file to save or serve: the text formats ({@link DraftWriter}) in UTF-8, and Word's
 * ({@link DocxDraft}), which is no text at all. The command line and the review page ask this for the
 * file, so a format added here is there in both.
 */
public interface DraftDocument {
    /** The whole file. */
    byte[] bytes(Draft draft);

    /** True for a file that is no text (a .docx): it is never printed to a terminal. */
    default boolean binary() {
        return false;
    }

    /** A document by its command-line name: {@code md}, {@code html} or {@code docx}. */
    static DraftDocument of(String format) {
        return switch (format == null ? "" : format.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> new MarkdownDraft();
            case "html" -> new HtmlDraft();
            case "docx", "word" -> new DocxDraft();
            default -> throw new IllegalArgumentException("unknown format \"" + format + "\" (use md, html or docx)");
        };
    }
}
