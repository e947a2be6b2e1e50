package no.kildevakt.rank;

import java.util.List;

/**
 * A built-in rule that a word means something else next to certain words: {@code trafficking} next to
 * {@code drug}, {@code arms} or {@code cultural goods} is not human trafficking. It applies to every
 * topic, including the editors' own in feeds.yml, and only to matches of a single word: a phrase such as
 * {@code human trafficking} already carries its own context.
 *
 * @param words the ambiguous words (term syntax, usually one word each, wildcards allowed)
 * @param near  words or phrases that, within {@link TopicRanker#NEAR} words of the match, cancel it
 */
record NegativeContext(List<String> words, List<String> near) {
    NegativeContext {
        words = List.copyOf(words);
        near = List.copyOf(near);
        if (words.isEmpty() || near.isEmpty()) {
            throw new IllegalArgumentException("a negative context needs words and near terms");
        }
    }
}
