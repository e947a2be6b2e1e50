package no.kildevakt.read.feed;

/**
 * The bytes are not a feed we can read. The message is one line saying what was found
 * instead ("an HTML page", "an empty body", "malformed XML at line 3: ...").
 */
public final class FeedParseException extends Exception {
    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
