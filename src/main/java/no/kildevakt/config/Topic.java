package no.kildevakt.config;

import java.util.List;

/**
 * A relevance rule: terms that, when found in an item, add {@code weight} to its score.
 * Matching itself belongs to the ranking step; the config only carries the rule.
 *
 * @param name what an editor reads as the reason an item scored ({@code Menneskehandel}); the id when
 *             feeds.yml gives no {@code name:}, since the id is chosen for scripts and the command line
 */
public record Topic(String id, int weight, List<String> terms, List<String> exclude, String name) {
    public Topic {
        terms = List.copyOf(terms);
        exclude = List.copyOf(exclude);
        name = name == null || name.isBlank() ? id : name.strip();
    }

    /** A topic named by its id. */
    public Topic(String id, int weight, List<String> terms, List<String> exclude) {
        this(id, weight, terms, exclude, null);
    }
}
