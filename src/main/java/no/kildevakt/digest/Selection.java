package no.kildevakt.digest;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.kildevakt.store.Decisions;

/**
 * Which of a period's items a digest lists, beyond being in the period.
 *
 * @param all      list items below the relevance threshold too ({@code --all})
 * @param statuses review statuses to list; by default {@link #DEFAULT_STATUSES new and accepted}, since a
 *                 rejected item was already judged not worth citing
 */
public record Selection(boolean all, Set<String> statuses) {
    public static final Set<String> DEFAULT_STATUSES = Set.of("new", "accepted");

    /** Items at or above the threshold that were not rejected. */
    public static final Selection DEFAULT = new Selection(false, DEFAULT_STATUSES);

    public Selection {
        statuses = Set.copyOf(statuses);
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("at least one status is needed");
        }
        for (String s : statuses) {
            if (!Decisions.STATUSES.contains(s)) {
                throw new IllegalArgumentException("unknown status \"" + s + "\" (use new, accepted or rejected)");
            }
        }
    }

    /**
     * The statuses of repeated or comma-separated {@code --status} values ({@code new,accepted});
     * the {@link #DEFAULT_STATUSES default} when none are given.
     *
     * @throws IllegalArgumentException naming the value that is not a status
     */
    public static Set<String> statuses(List<String> values) {
        if (values == null || values.isEmpty()) {
            return DEFAULT_STATUSES;
        }
        Set<String> statuses = new LinkedHashSet<>();
        for (String value : values) {
            Arrays.stream(value.split(","))
                    .map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty())
                    .forEach(statuses::add);
        }
        return new Selection(false, statuses).statuses();
    }
}
