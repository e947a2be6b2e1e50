package no.kildevakt.store;

/** The database could not be opened, migrated, read or written. One-line message. */
public sealed class StoreException extends Exception permits StoreException.NotFound {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /**
     * A write named a row that is not stored (an item, an issue's hand-written entry): the caller asked
     * for something that is not there, which a web page answers with 404 rather than as a failure of the
     * database.
     */
    public static final class NotFound extends StoreException {
        private final String what;

        NotFound(String message, String what, Throwable cause) {
            super(message, cause);
            this.what = what;
        }

        NotFound(String what) {
            this(what, what, null);
        }

        /** What is missing, without where it was looked for: {@code no item with id 5}. */
        public String what() {
            return what;
        }
    }

    /** Thrown inside a transaction when a row it names is missing; {@link Store} turns it into {@link NotFound}. */
    static final class MissingRow extends java.sql.SQLException {
        MissingRow(String what, Throwable cause) {
            super(what, cause);
        }

        MissingRow(String what) {
            super(what);
        }
    }
}
