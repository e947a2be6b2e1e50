package no.kildevakt.text;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;

/**
 * Bytes turned into text, together with the charset that was used and the evidence that chose it.
 * Kept as a value so that callers (feeds now, HTML pages later) can report <em>why</em> a page came out
 * the way it did — mojibake in an editor's digest is only fixable when the reason is on record.
 *
 * @param text     the decoded text; a byte order mark is not part of it
 * @param charset  the charset the bytes were decoded with
 * @param source   what chose the charset, e.g. {@code BOM}, {@code HTTP header}, {@code XML prolog},
 *                 {@code valid UTF-8}, {@code default}
 * @param warnings what was overruled or repaired (a lying prolog, bytes invalid in the declared charset)
 */
public record DecodedText(String text, Charset charset, String source, List<String> warnings) {
    public DecodedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(source, "source");
        warnings = List.copyOf(warnings);
    }

    /** The charset and its reason in one short phrase, e.g. {@code windows-1252 (HTTP header)}. */
    public String description() {
        return charset.name() + " (" + source + ")";
    }
}
