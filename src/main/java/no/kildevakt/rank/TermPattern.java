package no.kildevakt.rank;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;

/**
 * One term of a topic (or an exclude or negative context), compiled to a sequence of word patterns that
 * must match words of the text in order. A term of several words is therefore a phrase, whatever
 * whitespace or punctuation separates the words in the item ({@code "forced  labour"},
 * {@code forced-labour}), and up to {@link #MAX_GAP} short words may stand between its words.
 *
 * <p>A word of the term matches a word of the text when they share a form (written, stemmed, or a
 * compound part; see {@link TextAnalysis}). A word containing {@code *} is a wildcard ({@code *} = any
 * letters, none included), matched against the word as written after folding, with Lucene's
 * {@link WildcardQuery} automaton; a lone {@code *} stands for any one word.
 */
final class TermPattern {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Inside a wildcard chunk, what separates words (the tokenizer would drop the {@code *}). */
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}*]+");

    /**
     * How many words of the text, in all, a phrase may skip between its own words. Titles insert a
     * possessive, article or preposition into a listed concept ("vold i sine nære relasjoner",
     * "seksuelle overgrep mot små barn", "human sex trafficking"); two such words are allowed, no more,
     * so that words far apart are still no phrase.
     */
    static final int MAX_GAP = 2;

    /**
     * The longest word (in letters, after folding) a phrase may skip: function words and short
     * modifiers ("i", "sine", "the", "små", "af"), not content words that change what the phrase is about.
     */
    static final int SHORT_WORD = 4;

    private final String text;
    private final List<WordPattern> words;

    private TermPattern(String text, List<WordPattern> words) {
        this.text = text;
        this.words = List.copyOf(words);
    }

    /**
     * @throws IllegalArgumentException when the term has no words (only punctuation, say), so a useless
     *                                  term in feeds.yml is reported rather than silently never matching
     */
    static TermPattern compile(String term, TextAnalysis analysis) {
        List<WordPattern> words = new ArrayList<>();
        for (String chunk : WHITESPACE.split(term.replace("\"", " ").strip())) {
            if (chunk.isEmpty()) {
                continue;
            }
            if (chunk.indexOf('*') < 0) {
                analysis.term(chunk).forEach(w -> words.add(new Exact(w.written(), w.forms())));
                continue;
            }
            for (String part : NOT_WORD.split(chunk)) {
                if (part.isEmpty()) {
                    continue;
                }
                if (part.indexOf('*') < 0) {
                    analysis.term(part).forEach(w -> words.add(new Exact(w.written(), w.forms())));
                } else if (part.chars().allMatch(c -> c == '*')) {
                    words.add(new AnyWord());
                } else {
                    words.add(Wildcard.of(analysis.fold(part)));
                }
            }
        }
        if (words.isEmpty() || words.stream().allMatch(w -> w instanceof AnyWord)) {
            throw new IllegalArgumentException("term \"" + term + "\" has no words to match");
        }
        return new TermPattern(term.strip(), words);
    }

    /** The term as configured, for {@link Score#matched()}. */
    String text() {
        return text;
    }

    /** Whether the term is a single word: single words take their meaning from the words around them. */
    boolean singleWord() {
        return words.size() == 1;
    }

    /** Whether the (single-word) term matches this word. */
    boolean matchesWord(TextAnalysis.Word word) {
        return words.size() == 1 && words.get(0).matches(word);
    }

    /**
     * The forms a text must have somewhere for the term to be found in it (those of its first word), or
     * null when its first word is a wildcard, which may match any word.
     */
    Set<String> firstForms() {
        return words.get(0) instanceof Exact exact ? exact.forms() : null;
    }

    /** The plain words of the term, for the compound dictionary. */
    Set<String> plainWords() {
        Set<String> plain = new LinkedHashSet<>();
        for (WordPattern w : words) {
            if (w instanceof Exact exact) {
                plain.add(exact.written());
            }
        }
        return plain;
    }

    /**
     * Where the term occurs in the text: word index spans, start inclusive, end exclusive, in order of start.
     * The words of the term must occur in its order; between two of them the text may hold short words
     * (see {@link #SHORT_WORD}), at most {@link #MAX_GAP} in all, so that "vold i nære relasjoner" is found in
     * "vold i sine nære relasjoner". A span is the tightest such match from its start.
     */
    List<Span> find(AnalysedText text) {
        Collection<Integer> starts = words.get(0).candidates(text);
        if (starts.isEmpty()) {
            // most terms are in no given field: nothing is built for them
            return List.of();
        }
        List<Span> found = new ArrayList<>();
        for (int start : starts) {
            int end = rest(text, 1, start + 1, MAX_GAP);
            if (end >= 0) {
                found.add(new Span(start, end));
            }
        }
        return found;
    }

    /**
     * Matches the term's words from {@code k} on, the first of them at {@code at} or, skipping short
     * words, up to {@code gap} words later; the end of the match (exclusive), or -1 when there is none.
     * Closer placements are tried first, so the span found is the tightest.
     */
    private int rest(AnalysedText text, int k, int at, int gap) {
        if (k == words.size()) {
            return at;
        }
        for (int skip = 0; skip <= gap && at + skip < text.size(); skip++) {
            if (skip > 0 && !isShort(text.word(at + skip - 1))) {
                break;
            }
            if (words.get(k).matches(text.word(at + skip))) {
                int end = rest(text, k + 1, at + skip + 1, gap - skip);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean isShort(TextAnalysis.Word word) {
        return word.written().length() <= SHORT_WORD;
    }

    @Override
    public String toString() {
        return text;
    }

    /** A run of words in a text: {@code [start, end)}. */
    record Span(int start, int end) {
        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }

        /** Whether {@code other} lies within {@code words} words of this span (or overlaps it). */
        boolean near(Span other, int words) {
            return other.start < end + words && start - words < other.end;
        }
    }

    private sealed interface WordPattern permits Exact, Wildcard, AnyWord {
        boolean matches(TextAnalysis.Word word);

        /** The positions where this word matches, in order. */
        default Collection<Integer> candidates(AnalysedText text) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < text.size(); i++) {
                if (matches(text.word(i))) {
                    all.add(i);
                }
            }
            return all;
        }
    }

    /** A plain word: matches when the text word has one of its forms (written or stemmed). */
    private record Exact(String written, Set<String> forms) implements WordPattern {
        @Override
        public boolean matches(TextAnalysis.Word word) {
            for (String form : forms) {
                if (word.forms().contains(form)) {
                    return true;
                }
            }
            return false;
        }
        /** Looked up in the text's index rather than tried at every word. */
        @Override
        public Collection<Integer> candidates(AnalysedText text) {
            Collection<Integer> found = List.of();
            for (String form : forms) {
                List<Integer> at = text.positions(form);
                if (at.isEmpty()) {
                    continue;
                }
                if (found.isEmpty()) {
                    found = at;
                } else {
                    // rare: two forms of the term (written and stem) occur at different words
                    Set<Integer> union = new TreeSet<>(found);
                    union.addAll(at);
                    found = union;
                }
            }
            return found;
        }
    }

    /** A word with {@code *}: matched against the text word as written (folded), not its stems. */
    private record Wildcard(String pattern, CharacterRunAutomaton automaton) implements WordPattern {
        static Wildcard of(String pattern) {
            return new Wildcard(pattern, new CharacterRunAutomaton(WildcardQuery.toAutomaton(new Term("t", pattern))));
        }

        @Override
        public boolean matches(TextAnalysis.Word word) {
            return automaton.run(word.written());
        }
    }

    /** A lone {@code *}: any one word, so a phrase can leave a gap ({@code trafficking of * goods}). */
    private record AnyWord() implements WordPattern {
        @Override
        public boolean matches(TextAnalysis.Word word) {
            return true;
        }
    }
}
