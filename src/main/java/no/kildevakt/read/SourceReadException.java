package no.kildevakt.read;

/** A response could not be read as the source's type promised. One-line message. */
public final class SourceReadException extends Exception {
    public SourceReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
