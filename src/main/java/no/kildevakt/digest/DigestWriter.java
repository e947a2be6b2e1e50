package no.kildevakt.digest;

/**
 * Turns a digest into one output format. The formats are separate writers behind this interface (chosen
 * by {@link DigestFormat}), so a new one is a class, not another branch in every command.
 */
@FunctionalInterface
public interface DigestWriter {
    /** The whole document. */
    String write(Digest digest);
}
