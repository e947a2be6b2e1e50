package no.kildevakt.config;

import java.util.List;

/**
 * A relevance rule: terms that, when found in an item, add {@code weight} to its score.
 * Matching itself belongs to the ranking step; the config only carries the rule.
 */
public record Topic(String id, int weight, List<String> terms, List<String> exclude) {
    public Topic {
        terms = List.copyOf(terms);
        exclude = List.copyOf(exclude);
    }
}
