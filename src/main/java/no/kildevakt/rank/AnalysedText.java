package no.kildevakt.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One field of an item after analysis: its words in order, and for every form where it occurs, so that
 * a term is looked up where its first word occurs instead of being tried at every word (a few hundred
 * terms against every item of a digest).
 */
final class AnalysedText {
    private final List<TextAnalysis.Word> words;
    private final Map<String, List<Integer>> positions = new HashMap<>();

    AnalysedText(List<TextAnalysis.Word> words) {
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) {
            for (String form : this.words.get(i).forms()) {
                positions.computeIfAbsent(form, k -> new ArrayList<>()).add(i);
            }
        }
    }

    List<TextAnalysis.Word> words() {
        return words;
    }

    int size() {
        return words.size();
    }

    TextAnalysis.Word word(int index) {
        return words.get(index);
    }

    /** Every form of every word, each once. */
    Set<String> forms() {
        return positions.keySet();
    }

    /** Where a word with this form occurs, in order; empty when nowhere. */
    List<Integer> positions(String form) {
        return positions.getOrDefault(form, List.of());
    }

    boolean isEmpty() {
        return words.isEmpty();
    }
}
