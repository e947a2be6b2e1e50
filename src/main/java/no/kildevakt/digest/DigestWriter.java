package no.kildevakt.digest;

import java.io.IOException;
import java.io.Writer;

/**
 * Turns a digest into one output format. The formats are separate writers behind this interface (chosen
 * by {@link DigestFormat}), so a new one is a class, not another branch in every command.
 */
@FunctionalInterface
public interface DigestWriter {
    /** The whole document. */
    String write(Digest digest);

    /**
     * The document written to {@code out}. A format whose document grows with the number of items
     * (JSON: a wide {@code --all} digest is hundreds of megabytes) streams it here instead of building
     * the string; the others write {@link #write(Digest)}.
     */
    default void write(Digest digest, Writer out) throws IOException {
        out.write(write(digest));
    }
}
