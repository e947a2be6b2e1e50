package no.kildevakt.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an item stands in the editors' review. The lower-case {@link #code()} is the word the
 * database keeps (its {@code CHECK} constraint lists the same three), the JSON output and the
 * review API carry, and {@code digest --status} takes; code compares the constants instead of words.
 * The declaration order is the order the review page offers them in.
 */
public enum ReviewStatus {
    /** Not decided, or decided and reset: a candidate like any other. */
    NEW,
    /** Taken for the newsletter. */
    ACCEPTED,
    /** Judged not worth citing; left out of digests by default. */
    REJECTED;

    /** The lower-case word used in the database, JSON and the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status whose {@link #code()} is exactly {@code code}; empty for anything else (callers word their own refusal). */
    public static Optional<ReviewStatus> find(String code) {
        for (ReviewStatus s : values()) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The status for a {@link #code()}; IllegalArgumentException for anything else. */
    public static ReviewStatus ofCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("not a review status: " + code));
    }
}
