package no.kildevakt.rank;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.ScandinavianFoldingFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.sv.SwedishLightStemmer;
import org.apache.lucene.util.AttributeSource;
import org.tartarus.snowball.ext.DanishStemmer;

/**
 * Turns item text and topic terms into comparable words with Lucene's analysers, so that matching
 * rests on a well-tested tokenizer, folding and stemming instead of hand-written patterns.
 *
 * <p>Both sides go through the same chain: {@link StandardTokenizer} (Unicode word boundaries, so
 * punctuation and any run of whitespace separate words), lower case, {@link ScandinavianFoldingFilter}
 * ({@code æ ä å aa → a}, {@code ø ö oe → o}, so {@code människohandel}, {@code menneskehandel} and
 * {@code maenniskohandel} meet) and {@link ASCIIFoldingFilter} (other diacritics). Each word is then kept
 * as written <em>and</em> as stemmed ({@link KeywordRepeatFilter}, {@link NorwegianLightStemFilter} for
 * bokmål and nynorsk, then {@link EnglishMinimalStemFilter} for plurals), because an item's language is
 * not known and a wrong-language stem must never hide the written form. The written word also gets its
 * Swedish ({@link SwedishLightStemmer}) and Danish (Snowball's {@link DanishStemmer}) stems as further
 * forms, each from the written word rather than from another language's stem, so that
 * {@code relationerne}, {@code människohandlarna} and {@code ydelserne} meet their terms.
 *
 * <p>Item text additionally passes a {@link DictionaryCompoundWordTokenFilter} whose dictionary is the
 * one-word terms of at least {@link #COMPOUND_MIN} letters: Scandinavian compounds are written as one
 * word ({@code menneskehandelsfeltet}, {@code arbeidsinnvandringen}), and the filter adds the term found
 * inside as an extra form of that word. Shorter words stay whole-word only, because short words hide
 * inside unrelated compounds ({@code arbeid} in {@code samarbeid}, {@code vold} in {@code voldgift}).
 */
final class TextAnalysis {
    /** The shortest one-word term that is also looked for inside longer (compound) words. */
    static final int COMPOUND_MIN = 7;

    /** The longest compound part looked for; longer terms than this are still matched as whole words. */
    private static final int COMPOUND_MAX = 40;

    private final Analyzer textAnalyzer;
    private final Analyzer termAnalyzer;

    /**
     * @param compoundParts words (already {@linkplain #fold folded}) to find inside compounds; words shorter
     *                      than {@link #COMPOUND_MIN} are ignored
     */
    TextAnalysis(Set<String> compoundParts) {
        CharArraySet dictionary = new CharArraySet(compoundParts.size(), false);
        compoundParts.stream().filter(w -> w.length() >= COMPOUND_MIN).forEach(dictionary::add);
        CharArraySet frozen = CharArraySet.unmodifiableSet(dictionary);
        this.textAnalyzer = new Chain(frozen);
        this.termAnalyzer = new Chain(null);
    }

    /** One word of analysed text: as written (folded), and every form it may be matched by. */
    record Word(String written, Set<String> forms) {
        Word {
            forms = Set.copyOf(forms);
        }
    }

    /** The words of an item's text, in order; compound parts are forms of the word they were found in. */
    AnalysedText text(String text) {
        return new AnalysedText(analyse(textAnalyzer, text));
    }

    /** The words of a term (no compound splitting: a term means what it says). */
    List<Word> term(String term) {
        return analyse(termAnalyzer, term);
    }

    /** Lower case and folding only, for wildcard patterns, which must not be tokenized or stemmed. */
    String fold(String text) {
        return termAnalyzer.normalize("text", text).utf8ToString();
    }

    private static List<Word> analyse(Analyzer analyzer, String text) {
        List<Word> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            String written = null;
            Set<String> forms = new LinkedHashSet<>();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 && written != null) {
                    words.add(new Word(written, forms));
                    written = null;
                    forms = new LinkedHashSet<>();
                }
                if (written == null) {
                    // the first token of a position is the word as written (keyword copy, before stemming)
                    written = term.toString();
                }
                forms.add(term.toString());
            }
            if (written != null) {
                words.add(new Word(written, forms));
            }
            stream.end();
        } catch (IOException e) {
            // analysing a String in memory does no I/O; a failure here is a bug, not bad input
            throw new UncheckedIOException("could not analyse text", e);
        }
        return words;
    }

    /**
     * Characters that are invisible inside a word and would otherwise split or spoil it: soft hyphens
     * (web pages hyphenate long compounds with {@code &shy;}), zero-width joiners and the word joiner.
     */
    private static final NormalizeCharMap INVISIBLE;

    static {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (String invisible : new String[] {"\u00AD", "\u200C", "\u200D", "\u2060", "\uFEFF"}) {
            builder.add(invisible, "");
        }
        INVISIBLE = builder.build();
    }

    /**
     * After {@link KeywordRepeatFilter}: for each written (keyword) token, adds its Swedish light and Danish
     * Snowball stems at the same position, marked as keywords so that the Norwegian and English stemmers
     * after it leave them alone (stemming a stem would over-stem). Stemmer state lives in the filter, and
     * Lucene gives each thread its own chain, so this is thread-safe.
     */
    private static final class NeighbourStemsFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final SwedishLightStemmer swedish = new SwedishLightStemmer();
        private final DanishStemmer danish = new DanishStemmer();
        private final java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
        private AttributeSource.State state;
        /** Shorter stems are dropped: Snowball cuts {@code børn} to {@code bor} ("lives"), a different word. */
        private static final int MIN_NEIGHBOUR_STEM = 4;

        NeighbourStemsFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!pending.isEmpty()) {
                restoreState(state);
                term.setEmpty().append(pending.poll());
                keyword.setKeyword(true);
                increment.setPositionIncrement(0);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            if (keyword.isKeyword()) {
                String written = term.toString();
                char[] buffer = written.toCharArray();
                String sv = new String(buffer, 0, swedish.stem(buffer, buffer.length));
                danish.setCurrent(written);
                danish.stem();
                String da = danish.getCurrent();
                for (String stem : new String[] {sv, da}) {
                    if (stem.length() >= MIN_NEIGHBOUR_STEM && !stem.equals(written) && !pending.contains(stem)) {
                        pending.add(stem);
                    }
                }
                if (!pending.isEmpty()) {
                    state = captureState();
                }
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
            state = null;
        }
    }

    /** The analysis chain; with a dictionary it also decomposes compounds (for item text). */
    private static final class Chain extends Analyzer {
        private final CharArraySet compoundParts;

        Chain(CharArraySet compoundParts) {
            this.compoundParts = compoundParts;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = fold(tokenizer);
            if (compoundParts != null && !compoundParts.isEmpty()) {
                stream = new DictionaryCompoundWordTokenFilter(stream, compoundParts,
                        COMPOUND_MIN + 1, COMPOUND_MIN, COMPOUND_MAX, false);
            }
            stream = new KeywordRepeatFilter(stream);
            stream = new NeighbourStemsFilter(stream);
            stream = new NorwegianLightStemFilter(stream, NorwegianLightStemmer.BOKMAAL | NorwegianLightStemmer.NYNORSK);
            stream = new EnglishMinimalStemFilter(stream);
            stream = new RemoveDuplicatesTokenFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(INVISIBLE, reader);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return new MappingCharFilter(INVISIBLE, reader);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return fold(in);
        }

        private static TokenStream fold(TokenStream in) {
            return new ASCIIFoldingFilter(new ScandinavianFoldingFilter(new LowerCaseFilter(in)));
        }
    }
}
