package no.kildevakt.digest;

/**
 * A digest could not be mailed: the server could not be reached, refused the login or a recipient, or
 * the connection broke. The message is one line naming the server and the cause, for a cron mail; the
 * digest is then not recorded as delivered, so the next {@code --since-last} run covers it again.
 */
public final class MailDeliveryException extends Exception {
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
