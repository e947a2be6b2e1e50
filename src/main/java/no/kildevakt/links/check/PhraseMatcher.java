package no.kildevakt.links.check;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * Finds which of a fixed list of phrases a text contains, in one pass over the text: {@link
 * SoftNotFound} looks for some ninety phrases in the start of every checked page, and asking {@code
 * text.contains(phrase)} ninety times was a fifth of a link check's CPU.
 *
 * <p>The pass runs Lucene's deterministic automaton for "any text, then one of the phrases" (the
 * Aho–Corasick machine, made by Lucene's own determinisation), one array step per character; only a
 * text that holds a phrase, rare among the pages checked, is then asked which phrase comes first in
 * the list. The {@code org.ahocorasick} library was tried first and cost three times as much per
 * page (a map of boxed characters per step).
 *
 * <p>Answers exactly as the loop it replaces: of the phrases the text contains, the one listed first.
 * Immutable and thread-safe.
 */
final class PhraseMatcher {
    private final List<String> phrases;
    private final CharacterRunAutomaton endsInPhrase;

    PhraseMatcher(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        Automaton anyPhrase = Operations.union(this.phrases.stream().map(Automata::makeString).toList());
        Automaton automaton = Operations.concatenate(Automata.makeAnyString(), anyPhrase);
        this.endsInPhrase = new CharacterRunAutomaton(
                Operations.determinize(automaton, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
    }

    /** The first listed phrase that {@code text} contains, or empty. */
    Optional<String> firstIn(CharSequence text) {
        if (!containsAny(text)) {
            return Optional.empty();
        }
        String s = text.toString();
        return phrases.stream().filter(s::contains).findFirst();
    }

    private boolean containsAny(CharSequence text) {
        int state = 0;
        if (endsInPhrase.isAccept(state)) {
            return true; // an empty phrase
        }
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            state = endsInPhrase.step(state, c);
            if (state < 0) {
                return false;
            }
            if (endsInPhrase.isAccept(state)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }
}
