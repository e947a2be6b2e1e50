package no.kildevakt.rank.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import no.kildevakt.rank.Relevance;
import no.kildevakt.rank.Score;
import no.kildevakt.rank.TopicRanker;
import no.kildevakt.store.StoredItem;
import no.kildevakt.text.OneLine;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The topic score plus what the editors taught: an item like the items they accepted (or the entries of
 * their past issues) gets a bonus, one like the items they rejected a penalty, so the one score still
 * drives the threshold, the order, {@code --all} and {@code min_score}.
 *
 * <p>Why nearest neighbours and not a trained model: the evidence is small and uneven (a few dozen
 * decisions in the first weeks, thousands later), an editor must be able to see <em>which</em> earlier
 * decision moved an item (the precedent on the card), and taking a decision back must simply stop it
 * counting. Each example's title and summary go through the topics' own analysis (folding, stemming,
 * compound parts, {@link TopicRanker#wordForms}) into an in-memory Lucene index, one for accepted and
 * one for rejected examples. For an item, BM25 finds the {@value #CANDIDATES} best of each; their
 * similarity to the item is then the idf-weighted cosine of the word-form sets (0 to 1, comparable
 * between items, unlike raw BM25); stop words (Lucene's Norwegian, Danish, Swedish and English lists) are
 * left out, so short titles are not made alike by "om" and "for". The nearest accepted similarity {@code a}
 * and rejected {@code r} give the precedent bonus.
 *
 * <p>Precedents alone lift little: a month of decisions has a handful of accepted items, and the next item
 * on the same field rarely shares its title. So the examples also give a <em>field vocabulary</em>
 * (Rocchio-like): a word form's log-odds of being in an accepted rather than a rejected example, counted
 * once it is in {@value #F_MIN} accepted examples (any one, while there are fewer than {@value #F_SMALL}),
 * with rejected examples smoothed towards {@value #F_PRIOR} so that past issues alone (nothing rejected)
 * still need a word to recur. An item's field score {@code f} is the sum of its {@value #F_TOP} strongest
 * field words. And a source whose decided items were accepted more often than the rest gives a small prior.
 *
 * <pre>
 *   lead    = ramp(r − a, 0, {@value #TIE})
 *   bonus   = threshold × ({@value #BONUS} × ramp(a, {@value #A_LOW}, {@value #A_HIGH}) + {@value #FIELD_BONUS} × ramp(f, {@value #F_LOW}, {@value #F_HIGH})) × (1 − lead)
 *           + threshold × {@value #SOURCE} × (source rate − overall rate) / (1 − overall rate)   (rates smoothed by {@value #S_WEIGHT} decisions)
 *   penalty = min(threshold × {@value #PENALTY} × lead × ramp(r, {@value #A_LOW}, {@value #A_HIGH}), topic × {@value #PENALTY_SHARE})
 *   score   = topic + bonus − penalty
 * </pre>
 *
 * Recall first: an item as like an accepted precedent as {@value #A_HIGH}, or full of the field's words,
 * passes the threshold with no topic at all, while a penalty takes at most {@value #PENALTY_SHARE} of the
 * topic score, so rejections lower but never bury strong topic evidence. The nearest accepted precedent is
 * always named in {@code why}; the field words are named in the {@code learned} part and, when no precedent
 * is near, in {@code matched}. The constants were tuned on the dev split of the evaluation set only.
 *
 * <p>Immutable and thread-safe once built; build one per digest or page load (building 5,000 examples
 * takes a fraction of a second).
 */
public final class LearnedRelevance implements Relevance {
    /** How many BM25 hits of each kind are compared by cosine. */
    static final int CANDIDATES = 8;
    /** Below this similarity an example says nothing about an item (stop words left out, short titles in mind). */
    static final double A_LOW = 0.15;
    /** At this similarity an accepted example gives the full bonus. */
    static final double A_HIGH = 0.4;
    /** The full bonus, in thresholds: enough to carry an item with no topic over the threshold. */
    static final double BONUS = 1.2;
    /** The full penalty, in thresholds. */
    static final double PENALTY = 0.75;
    /** The largest share of the topic score a penalty takes. */
    static final double PENALTY_SHARE = 0.5;
    /** How much nearer a rejected example must be than the accepted one for the full effect. */
    static final double TIE = 0.15;
    /** The full field-words bonus, in thresholds: like {@link #BONUS}, enough to pass with no topic. */
    static final double FIELD_BONUS = 1.2;
    /** Summed log-odds of an item's strongest field words at which the field bonus starts and is full. */
    static final double F_LOW = 1;
    static final double F_HIGH = 4;
    /** How many of an item's field words count (so a long summary does not win by length). */
    static final int F_TOP = 3;
    /** In how many accepted examples a word must be to be a field word, once there are {@value #F_SMALL} of them. */
    static final int F_MIN = 2;
    static final int F_SMALL = 20;
    /**
     * What share of rejected examples a word is assumed to be in before any are seen, and how many examples
     * that assumption weighs: with past issues alone (nothing rejected) a word must be in well over
     * {@value #F_PRIOR} of the entries to count.
     */
    static final double F_PRIOR = 0.04;
    static final double F_PRIOR_WEIGHT = 10;
    /** The full source bonus, in thresholds, for a source whose items were all accepted. */
    static final double SOURCE = 1;
    /** How many decisions the overall acceptance rate weighs in a source's rate. */
    static final double S_WEIGHT = 3;
    /** Item words looked up at most (BooleanQuery's clause limit is 1024). */
    private static final int MAX_QUERY_TERMS = 256;
    private static final String FIELD = "f";

    private final Relevance topics;
    /** The topics when they are a {@link TopicRanker}: then an item's text is analysed once for both parts. */
    private final TopicRanker ranker;
    private final Function<String, List<String>> forms;
    private final Side accepted;
    private final Side rejected;
    private final Map<String, Double> idf;
    /** Word form → log-odds of it in accepted over rejected examples, for forms in at least F_MIN accepted ones. */
    private final Map<String, Double> field;
    /** Source → [accepted, decided] among the examples that name a source. */
    private final Map<String, int[]> sources;
    private final double acceptRate;
    private final Set<String> stop;

    /**
     * @param topics   the topic ranking to add to; its analysis is used when it is a {@link TopicRanker}
     * @param examples the editors' decisions and past-issue entries (each item at most once: its latest decision)
     */
    public LearnedRelevance(Relevance topics, List<Example> examples) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.ranker = topics instanceof TopicRanker t ? t : null;
        TopicRanker analyser = ranker != null ? ranker : TopicRanker.defaults();
        this.forms = analyser::wordForms;
        List<Example> acc = new ArrayList<>();
        List<Example> rej = new ArrayList<>();
        List<Set<String>> accForms = new ArrayList<>();
        List<Set<String>> rejForms = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        this.stop = stopForms(analyser);
        Map<String, Integer> accDf = new HashMap<>();
        Map<String, Integer> rejDf = new HashMap<>();
        Map<String, int[]> bySource = new HashMap<>();
        int decided = 0;
        int decidedAccepted = 0;
        for (Example e : examples) {
            Set<String> f = new LinkedHashSet<>(forms.apply(e.text()));
            f.removeAll(stop);
            if (f.isEmpty()) {
                continue;
            }
            f.forEach(w -> df.merge(w, 1, Integer::sum));
            f.forEach(w -> (e.accepted() ? accDf : rejDf).merge(w, 1, Integer::sum));
            (e.accepted() ? acc : rej).add(e);
            (e.accepted() ? accForms : rejForms).add(f);
            if (e.source() != null && !e.source().isBlank()) {
                int[] c = bySource.computeIfAbsent(e.source(), k -> new int[2]);
                c[0] += e.accepted() ? 1 : 0;
                c[1]++;
                decided++;
                decidedAccepted += e.accepted() ? 1 : 0;
            }
        }
        int n = acc.size() + rej.size();
        Map<String, Double> weights = new HashMap<>();
        df.forEach((w, d) -> weights.put(w, Math.log(1 + (n + 1.0) / d)));
        this.idf = weights;
        this.accepted = new Side(acc, accForms, weights);
        this.rejected = new Side(rej, rejForms, weights);
        Map<String, Double> odds = new HashMap<>();
        int na = acc.size();
        int nr = rej.size();
        accDf.forEach((w, ca) -> {
            if (ca >= F_MIN || na < F_SMALL) {
                double pa = (ca + 0.5) / (na + 1.0);
                double pr = (rejDf.getOrDefault(w, 0) + F_PRIOR_WEIGHT * F_PRIOR) / (nr + F_PRIOR_WEIGHT);
                double v = Math.log(pa / pr);
                if (v > 0) {
                    odds.put(w, v);
                }
            }
        });
        this.field = odds;
        this.sources = bySource;
        this.acceptRate = decided == 0 ? 0 : (double) decidedAccepted / decided;
    }

    private static Set<String> stopForms(TopicRanker analyser) {
        Set<String> words = new java.util.HashSet<>();
        for (var set : List.of(org.apache.lucene.analysis.no.NorwegianAnalyzer.getDefaultStopSet(),
                org.apache.lucene.analysis.da.DanishAnalyzer.getDefaultStopSet(),
                org.apache.lucene.analysis.sv.SwedishAnalyzer.getDefaultStopSet(),
                org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)) {
            for (Object o : set) {
                String w = o instanceof char[] c ? new String(c) : String.valueOf(o);
                words.addAll(analyser.wordForms(w));
            }
        }
        return Set.copyOf(words);
    }

    /** The field words of an item, strongest first, and their summed weight over the F_TOP strongest. */
    private List<Map.Entry<String, Double>> fieldWords(Set<String> itemForms) {
        return itemForms.stream().filter(field::containsKey).map(w -> Map.entry(w, field.get(w)))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(F_TOP).toList();
    }

    /** How many examples were learned from (accepted, rejected). */
    public int accepted() {
        return accepted.examples.size();
    }

    public int rejected() {
        return rejected.examples.size();
    }

    @Override
    public double threshold() {
        return topics.threshold();
    }

    @Override
    public Score score(StoredItem item) {
        return explain(item).score();
    }

    /** The nearest example of one kind and how like the item it is. */
    public record Nearest(Example example, double similarity) {}

    /**
     * How an item's score was made: the topic score, the nearest accepted and rejected examples (the
     * first is the nearest; up to three of each), the bonus and penalty, and the combined score.
     */
    public record Explanation(Score topicScore, List<Nearest> accepted, List<Nearest> rejected,
            double bonus, double penalty, Score score) {}

    /** The item's score with its parts, for {@code learn --explain}. */
    public Explanation explain(StoredItem item) {
        if (accepted.examples.isEmpty() && rejected.examples.isEmpty()) {
            Score topic = topics.score(item);
            return new Explanation(topic, List.of(), List.of(), 0, 0, topic);
        }
        Score topic;
        List<String> itemForms;
        if (ranker != null) {
            TopicRanker.Scored scored = ranker.scoreWithForms(item);
            topic = scored.score();
            itemForms = scored.wordForms();
        } else {
            topic = topics.score(item);
            itemForms = forms.apply(join(item.title(), item.summary()));
        }
        Map<String, Double> itemWeights = new HashMap<>();
        for (String w : itemForms) {
            if (stop.contains(w)) {
                continue;
            }
            // words no example has carry no evidence, but they do make the item less like any of them
            itemWeights.putIfAbsent(w, idf.getOrDefault(w, Math.log(1 + (accepted.examples.size() + rejected.examples.size() + 1.0))));
        }
        ItemVector vector = ItemVector.of(itemWeights);
        List<Nearest> acc = accepted.nearest(vector);
        List<Nearest> rej = rejected.nearest(vector);
        double a = acc.isEmpty() ? 0 : acc.get(0).similarity();
        double r = rej.isEmpty() ? 0 : rej.get(0).similarity();
        double t = threshold() > 0 ? threshold() : 1;
        double lead = ramp(r - a, 0, TIE);
        double precedentBonus = t * BONUS * ramp(a, A_LOW, A_HIGH) * (1 - lead);
        List<Map.Entry<String, Double>> fieldWords = fieldWords(itemWeights.keySet());
        double fieldScore = fieldWords.stream().mapToDouble(Map.Entry::getValue).sum();
        double fieldBonus = t * FIELD_BONUS * ramp(fieldScore, F_LOW, F_HIGH) * (1 - lead);
        double sourceBonus = 0;
        int[] src = item.source() == null ? null : sources.get(item.source());
        if (src != null) {
            double rate = (src[0] + S_WEIGHT * acceptRate) / (src[1] + S_WEIGHT);
            sourceBonus = t * SOURCE * Math.max(0, rate - acceptRate) / Math.max(1e-9, 1 - acceptRate);
        }
        double bonus = precedentBonus + fieldBonus + sourceBonus;
        double penalty = Math.min(t * PENALTY * lead * ramp(r, A_LOW, A_HIGH), topic.value() * PENALTY_SHARE);
        double value = Math.max(0, topic.value() + bonus - penalty);
        List<String> matched = new ArrayList<>(topic.matched());
        List<Score.Why> why = new ArrayList<>(topic.why());
        if (bonus > 0 && !acc.isEmpty()) {
            // the nearest precedent is always named, so an editor can see what the learning leans on
            Example e = acc.get(0).example();
            matched.add(precedentBonus > 0 || fieldWords.isEmpty() ? words(e) : fieldWords(fieldWords));
            why.add(new Score.Why("accepted", OneLine.of(e.title() == null ? "" : e.title(), 120), e.precedent(), round(a), 0));
        } else if (bonus > 0) {
            matched.add(fieldBonus > 0 ? fieldWords(fieldWords) : "fra en kilde ofte tatt med");
        }
        if (penalty > 0) {
            Example e = rej.get(0).example();
            why.add(new Score.Why("rejected", OneLine.of(e.title() == null ? "" : e.title(), 120), e.precedent(), round(r), 0));
        }
        if (bonus > 0 || penalty > 0) {
            String name = fieldBonus > 0 ? "precedents and words: " + String.join(", ", fieldWords.stream().map(Map.Entry::getKey).toList())
                    : "precedents";
            why.add(new Score.Why("learned", name, null, 0, round(bonus - penalty)));
        }
        return new Explanation(topic, acc, rej, bonus, penalty, new Score(value, matched, why));
    }

    /** The field words in an editor's words: med ord fra saker tatt med før: barn, vold. */
    static String fieldWords(List<Map.Entry<String, Double>> words) {
        return "med ord fra saker tatt med før: " + String.join(", ", words.stream().map(Map.Entry::getKey).toList());
    }

    /** The precedent in an editor's words: som «…», tatt med 12.10.2024 or som «…» i nummer 2024-Q3. */
    static String words(Example e) {
        String title = OneLine.of(e.title() == null || e.title().isBlank() ? String.valueOf(e.summary()) : e.title(), 70);
        String said = "som «" + title + "»";
        if (e.precedent() == null || e.precedent().isBlank()) {
            return said;
        }
        return e.precedent().startsWith("i ") ? said + " " + e.precedent() : said + ", " + e.precedent();
    }

    private static double ramp(double x, double low, double high) {
        return x <= low ? 0 : x >= high ? 1 : (x - low) / (high - low);
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static String join(String title, String summary) {
        String t = title == null ? "" : title;
        return summary == null || summary.isBlank() ? t : t + "\n" + summary;
    }

    /**
     * An item's word weights, laid out once for both sides: the query's terms in query order, and the
     * squared weights in the map's iteration order, the order the cosine has always summed them in (a
     * different order could change a similarity in its last bit).
     */
    private record ItemVector(List<String> queryTerms, String[] forms, double[] squares, double norm) {
        static ItemVector of(Map<String, Double> item) {
            List<String> terms = item.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_QUERY_TERMS)
                    .map(Map.Entry::getKey)
                    .toList();
            String[] forms = new String[item.size()];
            double[] squares = new double[item.size()];
            int i = 0;
            for (Map.Entry<String, Double> e : item.entrySet()) {
                forms[i] = e.getKey();
                squares[i] = e.getValue() * e.getValue();
                i++;
            }
            double norm = Math.sqrt(item.values().stream().mapToDouble(x -> x * x).sum());
            return new ItemVector(terms, forms, squares, norm);
        }

        boolean isEmpty() {
            return forms.length == 0;
        }
    }

    /** One kind of example (accepted or rejected) in its own index. */
    private static final class Side {
        private final List<Example> examples;
        private final List<Set<String>> forms;
        private final double[] norms;
        private final IndexSearcher searcher;
        /**
         * The index's terms with where they are in it: a query clause for any other word finds nothing, so it
         * is left out, and a clause for one of these need not look its term up again (each did, per item).
         */
        private final Map<String, TermStates> vocabulary;

        Side(List<Example> examples, List<Set<String>> forms, Map<String, Double> idf) {
            this.examples = List.copyOf(examples);
            this.forms = List.copyOf(forms);
            this.norms = new double[forms.size()];
            for (int i = 0; i < norms.length; i++) {
                double sum = 0;
                for (String w : forms.get(i)) {
                    double x = idf.get(w);
                    sum += x * x;
                }
                norms[i] = Math.sqrt(sum);
            }
            this.searcher = examples.isEmpty() ? null : index(forms);
            this.vocabulary = searcher == null ? Map.of() : vocabulary(searcher);
        }

        /**
         * The terms as the index holds them (not as the forms were written), so leaving words out is exact,
         * each with the statistics and postings pointers {@link TermStates#build} would find for it.
         */
        private static Map<String, TermStates> vocabulary(IndexSearcher searcher) {
            Map<String, TermStates> terms = new HashMap<>();
            IndexReaderContext top = searcher.getTopReaderContext();
            try {
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    Terms field = leaf.reader().terms(FIELD);
                    if (field == null) {
                        continue;
                    }
                    TermsEnum each = field.iterator();
                    for (BytesRef term = each.next(); term != null; term = each.next()) {
                        terms.computeIfAbsent(term.utf8ToString(), k -> new TermStates(top))
                                .register(each.termState(), leaf.ord, each.docFreq(), each.totalTermFreq());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the examples' index", e);
            }
            return terms;
        }

        /** Without merges, document numbers are the order of addition: doc i is example i. */
        private static IndexSearcher index(List<Set<String>> forms) {
            try {
                ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer())
                        .setMergePolicy(NoMergePolicy.INSTANCE)
                        .setRAMBufferSizeMB(256);
                try (IndexWriter writer = new IndexWriter(directory, config)) {
                    for (Set<String> f : forms) {
                        Document doc = new Document();
                        doc.add(new TextField(FIELD, String.join(" ", f), Field.Store.NO));
                        writer.addDocument(doc);
                    }
                }
                IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
                // scoring queries are never cached; without a cache they are not tracked for caching either
                searcher.setQueryCache(null);
                return searcher;
            } catch (IOException e) {
                // an index in memory does no I/O; a failure here is a bug, not bad input
                throw new UncheckedIOException("could not index the examples", e);
            }
        }

        List<Nearest> nearest(ItemVector item) {
            if (searcher == null || item.isEmpty()) {
                return List.of();
            }
            // the same clauses in the same order as with every item word, less those that match no example:
            // they add nothing to any document's score, but each costs a dictionary lookup
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            boolean any = false;
            for (String w : item.queryTerms()) {
                TermStates states = vocabulary.get(w);
                if (states != null) {
                    query.add(new TermQuery(new Term(FIELD, w), states), BooleanClause.Occur.SHOULD);
                    any = true;
                }
            }
            if (!any) {
                return List.of();
            }
            List<Nearest> found = new ArrayList<>();
            try {
                for (ScoreDoc hit : searcher.search(query.build(), CANDIDATES).scoreDocs) {
                    Set<String> f = forms.get(hit.doc);
                    double dot = 0;
                    for (int i = 0; i < item.forms().length; i++) {
                        if (f.contains(item.forms()[i])) {
                            dot += item.squares()[i];
                        }
                    }
                    found.add(new Nearest(examples.get(hit.doc), dot / (item.norm() * norms[hit.doc])));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not search the examples", e);
            }
            found.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
            return List.copyOf(found.subList(0, Math.min(3, found.size())));
        }
    }
}
