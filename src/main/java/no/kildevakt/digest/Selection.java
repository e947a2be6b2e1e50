package no.kildevakt.digest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.kildevakt.store.ReviewStatus;

/**
 * Which of a period's items a digest lists, beyond being in the period.
 *
 * @param all      list items below the relevance threshold too ({@code --all})
 * @param statuses review statuses to list; by default {@link #DEFAULT_STATUSES new and accepted}, since a
 *                 rejected item was already judged not worth citing
 */
public record Selection(boolean all, Set<ReviewStatus> statuses) {
    public static final Set<ReviewStatus> DEFAULT_STATUSES = Set.copyOf(EnumSet.of(ReviewStatus.NEW, ReviewStatus.ACCEPTED));

    /** Every review status: the review page shows decided items beside undecided ones. */
    public static final Set<ReviewStatus> ANY_STATUS = Set.copyOf(EnumSet.allOf(ReviewStatus.class));

    /** Items at or above the threshold that were not rejected. */
    public static final Selection DEFAULT = new Selection(false, DEFAULT_STATUSES);

    public Selection {
        statuses = Set.copyOf(statuses);
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("at least one status is needed");
        }
    }

    /**
     * The statuses of repeated or comma-separated {@code --status} values ({@code new,accepted});
     * the {@link #DEFAULT_STATUSES default} when none are given.
     *
     * @throws IllegalArgumentException naming the value that is not a status
     */
    public static Set<ReviewStatus> statuses(List<String> values) {
        if (values == null || values.isEmpty()) {
            return DEFAULT_STATUSES;
        }
        Set<ReviewStatus> statuses = EnumSet.noneOf(ReviewStatus.class);
        for (String value : values) {
            for (String word : Arrays.stream(value.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty()).toList()) {
                statuses.add(ReviewStatus.find(word).orElseThrow(() -> new IllegalArgumentException(
                        "unknown status \"" + word + "\" (use new, accepted or rejected)")));
            }
        }
        return new Selection(false, statuses).statuses();
    }
}
