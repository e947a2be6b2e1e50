package no.kildevakt.store;

/** The database could not be opened, migrated, read or written. One-line message. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
