package no.kildevakt.rank;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kildevakt.config.Config;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.Topic;
import no.kildevakt.store.StoredItem;

/**
 * Scores items by the topics of feeds.yml (or the bundled defaults): the sum of the weights of the topics
 * found in the title (counted {@link #TITLE_FACTOR} times) and in the summary (counted once), each topic
 * counted at most once per field so that repeating a word does not inflate a score, multiplied by the
 * weight of the item's source. The README's "Relevance" section states the matching rules for editors.
 * {@link Score#matched()} names the topics found (their {@code name:}), heaviest first, because that is
 * what an editor reads on a card; {@link #explain} gives the terms behind them.
 *
 * <p>Immutable and thread-safe: the topic terms are compiled once and the Lucene analysers are reused.
 */
public final class TopicRanker implements Relevance {
    /** How much more a topic in the title counts than one in the summary: titles say what an item is about. */
    public static final double TITLE_FACTOR = 2;

    /** The threshold when feeds.yml sets no {@code settings.min_score}; tuned on the evaluation set. */
    public static final double DEFAULT_THRESHOLD = 6;

    /** How many words on either side of a single-word match a negative context or exclude is looked for. */
    public static final int NEAR = 3;

    private final List<CompiledTopic> topics;
    private final List<CompiledContext> negatives;
    /** First-word form → the numbers of the topic terms and excludes that start with it. */
    private final Map<String, int[]> byFirstForm;
    /** The numbers of the terms and excludes that start with a wildcard: they are always tried. */
    private final BitSet alwaysTried;
    private final TextAnalysis analysis;
    private final double threshold;
    private final Map<String, Double> sourceWeights;

    /**
     * @param topics        the topics to score by (the defaults when this is empty)
     * @param threshold     the candidate threshold
     * @param sourceWeights source id → weight; sources not listed weigh 1
     * @throws IllegalArgumentException when a term has nothing to match or the threshold is negative
     */
    public TopicRanker(List<Topic> topics, double threshold, Map<String, Double> sourceWeights) {
        if (!Double.isFinite(threshold) || threshold < 0) {
            throw new IllegalArgumentException("threshold must be a finite number >= 0, got " + threshold);
        }
        List<Topic> effective = topics.isEmpty() ? DefaultTopics.topics() : topics;
        List<NegativeContext> contexts = DefaultTopics.negativeContexts();
        TextAnalysis termsOnly = new TextAnalysis(Set.of());
        List<CompiledTopic> compiled = new ArrayList<>();
        int numbered = 0;
        for (Topic t : effective) {
            CompiledTopic c = CompiledTopic.of(t, termsOnly, numbered);
            numbered += c.patterns.size();
            compiled.add(c);
        }
        this.topics = List.copyOf(compiled);
        this.negatives = contexts.stream().map(c -> CompiledContext.of(c, termsOnly)).toList();
        Set<String> compoundParts = new LinkedHashSet<>();
        for (CompiledTopic t : this.topics) {
            t.terms().forEach(p -> compoundParts.addAll(p.plainWords()));
            t.exclude().forEach(p -> compoundParts.addAll(p.plainWords()));
        }
        this.analysis = new TextAnalysis(compoundParts);
        Map<String, List<Integer>> starts = new HashMap<>();
        this.alwaysTried = new BitSet();
        for (CompiledTopic t : this.topics) {
            for (int i = 0; i < t.patterns.size(); i++) {
                Set<String> first = t.patterns.get(i).firstForms();
                if (first == null) {
                    alwaysTried.set(t.firstNumber + i);
                } else {
                    for (String form : first) {
                        starts.computeIfAbsent(form, k -> new ArrayList<>()).add(t.firstNumber + i);
                    }
                }
            }
        }
        Map<String, int[]> index = new HashMap<>();
        starts.forEach((form, numbers) -> index.put(form, numbers.stream().mapToInt(Integer::intValue).toArray()));
        this.byFirstForm = index;
        this.threshold = threshold;
        this.sourceWeights = Map.copyOf(sourceWeights);
    }

    /**
     * The ranker feeds.yml describes: its topics (or the defaults when it has none), its
     * {@code settings.min_score} (or {@link #DEFAULT_THRESHOLD}) and its sources' weights.
     */
    public static TopicRanker of(Config config) {
        Map<String, Double> weights = new HashMap<>();
        for (SourceConfig s : config.sources()) {
            weights.put(s.id(), s.weight());
        }
        return new TopicRanker(config.topics(), config.minScore().orElse(DEFAULT_THRESHOLD), weights);
    }

    /** The default topics and threshold, every source weighing 1. */
    public static TopicRanker defaults() {
        return new TopicRanker(List.of(), DEFAULT_THRESHOLD, Map.of());
    }

    @Override
    public double threshold() {
        return threshold;
    }

    /**
     * Scores the item's title and summary as the source published them (not the editor's rewrites for the
     * draft, so editing an item does not move it), with the weight of its heaviest source.
     */
    @Override
    public Score score(StoredItem item) {
        return score(item.title(), item.summary(), sourceWeight(item));
    }

    /**
     * Scores a title and summary as if from a source of the given weight; the evaluation and the review
     * page's "why" use this without a stored item.
     *
     * @param title        may be null or blank
     * @param summary      may be null or blank
     * @param sourceWeight the multiplier, at least 0
     * @throws IllegalArgumentException when the weight is negative or not a number
     */
    public Score score(String title, String summary, double sourceWeight) {
        return score(analysis.text(title), analysis.text(summary), sourceWeight);
    }

    /**
     * An item's topic score and its analysed word forms ({@link #wordForms} of its title and summary) from
     * one analysis of each field: the learned ranking needs both for every item, and analysing the text
     * is a good part of what scoring it costs.
     */
    public record Scored(Score score, List<String> wordForms) {}

    /** {@link #score(StoredItem)} and the forms of the item's title then summary, each field analysed once. */
    public Scored scoreWithForms(StoredItem item) {
        AnalysedText title = analysis.text(item.title());
        AnalysedText summary = analysis.text(item.summary());
        List<String> forms = new ArrayList<>();
        // a title and a summary joined by a line break give the same words: the tokenizer always breaks there
        addForms(forms, title);
        addForms(forms, summary);
        return new Scored(score(title, summary, sourceWeight(item)), forms);
    }

    private Score score(AnalysedText title, AnalysedText summary, double sourceWeight) {
        if (!Double.isFinite(sourceWeight) || sourceWeight < 0) {
            throw new IllegalArgumentException("source weight must be a finite number >= 0, got " + sourceWeight);
        }
        List<TopicMatch> found = explain(title, summary);
        if (found.isEmpty()) {
            return Score.NONE;
        }
        double sum = 0;
        Set<String> names = new LinkedHashSet<>();
        Map<String, Double> byTopic = new LinkedHashMap<>();
        for (TopicMatch m : found) {
            sum += m.points();
            names.add(m.name());
            byTopic.merge(m.topic(), m.points(), Double::sum);
        }
        List<Score.Why> why = new ArrayList<>();
        byTopic.forEach((topic, points) -> why.add(new Score.Why("topic", topic, null, 0, points * sourceWeight)));
        return new Score(sum * sourceWeight, List.copyOf(names), why);
    }

    /**
     * The terms behind a score, for {@code learn --explain} and for tests: each topic found, heaviest
     * first, with every term that fired (title before summary within a topic; a term whose words an
     * earlier term of the topic already found is not repeated). Points are before the source weight.
     */
    public List<TopicMatch> explain(String title, String summary) {
        return explain(analysis.text(title), analysis.text(summary));
    }

    private List<TopicMatch> explain(AnalysedText title, AnalysedText summary) {
        Map<CompiledTopic, Set<String>> inTitle = matches(title);
        Map<CompiledTopic, Set<String>> inSummary = matches(summary);
        Map<CompiledTopic, Double> points = new LinkedHashMap<>();
        inTitle.keySet().forEach(t -> points.merge(t, t.weight() * TITLE_FACTOR, Double::sum));
        inSummary.keySet().forEach(t -> points.merge(t, (double) t.weight(), Double::sum));
        List<CompiledTopic> order = new ArrayList<>(points.keySet());
        order.sort(Comparator.comparing(points::get).reversed());
        List<TopicMatch> found = new ArrayList<>();
        for (CompiledTopic t : order) {
            addAll(found, t, inTitle.get(t), TopicMatch.Field.TITLE, t.weight() * TITLE_FACTOR);
            addAll(found, t, inSummary.get(t), TopicMatch.Field.SUMMARY, t.weight());
        }
        return List.copyOf(found);
    }

    /** Adds a topic's terms found in one field; the field's points go with its first term only. */
    private static void addAll(List<TopicMatch> found, CompiledTopic t, Set<String> terms, TopicMatch.Field field,
            double points) {
        if (terms == null) {
            return;
        }
        boolean first = true;
        for (String term : terms) {
            found.add(new TopicMatch(t.id(), t.name(), term, field, first ? points : 0));
            first = false;
        }
    }

    /**
     * The analysed word forms of a text, as this ranker sees it (folding, stemming, the topics' compound
     * parts), in order and with repeats; the learned ranking compares items with the same forms.
     */
    public List<String> wordForms(String text) {
        List<String> forms = new ArrayList<>();
        addForms(forms, analysis.text(text));
        return forms;
    }

    private static void addForms(List<String> forms, AnalysedText text) {
        for (TextAnalysis.Word w : text.words()) {
            forms.addAll(w.forms());
        }
    }

    /** The largest weight among the sources that listed the item (1 for sources feeds.yml no longer has). */
    private double sourceWeight(StoredItem item) {
        Collection<String> ids = item.sources().isEmpty() && item.source() != null ? List.of(item.source()) : item.sources();
        return ids.stream().mapToDouble(id -> sourceWeights.getOrDefault(id, 1.0)).max().orElse(1.0);
    }

    /**
     * Topic → the terms that fired in this text, for topics with a surviving match. A term is listed only
     * when it found words no earlier term of the topic had found: for "human trafficking" the editor sees
     * {@code human trafficking}, not also {@code trafficking}.
     */
    private Map<CompiledTopic, Set<String>> matches(AnalysedText words) {
        Map<CompiledTopic, Set<String>> found = new LinkedHashMap<>();
        if (words.isEmpty()) {
            return found;
        }
        // this runs for every term of every topic on every field of every item, and most terms are not
        // there: only the terms whose first word is in the text (or is a wildcard) are looked for, in
        // plain loops that build nothing for a term not found
        BitSet tried = (BitSet) alwaysTried.clone();
        for (String form : words.forms()) {
            int[] numbers = byFirstForm.get(form);
            if (numbers != null) {
                for (int n : numbers) {
                    tried.set(n);
                }
            }
        }
        for (CompiledTopic topic : topics) {
            int number = topic.firstNumber + topic.terms().size();
            List<TermPattern.Span> excluded = List.of();
            for (TermPattern p : topic.exclude()) {
                if (!tried.get(number++)) {
                    continue;
                }
                List<TermPattern.Span> at = p.find(words);
                if (!at.isEmpty()) {
                    if (excluded.isEmpty()) {
                        excluded = new ArrayList<>();
                    }
                    excluded.addAll(at);
                }
            }
            List<TermPattern.Span> credited = null;
            number = topic.firstNumber;
            for (TermPattern term : topic.terms()) {
                if (!tried.get(number++)) {
                    continue;
                }
                List<TermPattern.Span> spans = term.find(words);
                if (spans.isEmpty()) {
                    continue;
                }
                // fresh: a surviving span no earlier term of the topic has credited (not this term's own spans)
                boolean fresh = false;
                int before = credited == null ? 0 : credited.size();
                for (TermPattern.Span span : spans) {
                    if (cancelled(span, excluded, words)) {
                        continue;
                    }
                    if (!fresh && (credited == null || !overlapsAny(span, credited, before))) {
                        fresh = true;
                    }
                    if (credited == null) {
                        credited = new ArrayList<>();
                    }
                    credited.add(span);
                }
                if (fresh) {
                    found.computeIfAbsent(topic, k -> new LinkedHashSet<>()).add(term.text());
                }
            }
        }
        return found;
    }

    /** Whether the span overlaps one of the first {@code count} spans. */
    private static boolean overlapsAny(TermPattern.Span span, List<TermPattern.Span> spans, int count) {
        for (int i = 0; i < count; i++) {
            if (span.overlaps(spans.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a match does not count: an exclude overlaps it, or the match is a single word and an
     * exclude or a built-in negative context for that word lies within {@link #NEAR} words.
     */
    private boolean cancelled(TermPattern.Span span, List<TermPattern.Span> excluded,
            AnalysedText words) {
        boolean single = span.end() - span.start() == 1;
        for (TermPattern.Span e : excluded) {
            if (single ? span.near(e, NEAR) : span.overlaps(e)) {
                return true;
            }
        }
        if (!single) {
            return false;
        }
        TextAnalysis.Word word = words.word(span.start());
        for (CompiledContext context : negatives) {
            if (context.words().stream().anyMatch(w -> w.matchesWord(word))
                    && context.near().stream().anyMatch(n -> n.find(words).stream().anyMatch(s -> span.near(s, NEAR)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A topic with its terms compiled; identity equality, since it is a map key on every score. Its terms
     * then excludes are numbered from {@code firstNumber} on, across all topics, for {@link #byFirstForm}.
     */
    private static final class CompiledTopic {
        private final String id;
        private final String name;
        private final int weight;
        private final List<TermPattern> terms;
        private final List<TermPattern> exclude;
        private final List<TermPattern> patterns;
        private final int firstNumber;

        private CompiledTopic(String id, String name, int weight, List<TermPattern> terms, List<TermPattern> exclude,
                int firstNumber) {
            this.id = id;
            this.name = name;
            this.weight = weight;
            this.terms = terms;
            this.exclude = exclude;
            List<TermPattern> all = new ArrayList<>(terms);
            all.addAll(exclude);
            this.patterns = List.copyOf(all);
            this.firstNumber = firstNumber;
        }

        String id() {
            return id;
        }

        String name() {
            return name;
        }

        int weight() {
            return weight;
        }

        List<TermPattern> terms() {
            return terms;
        }

        List<TermPattern> exclude() {
            return exclude;
        }

        static CompiledTopic of(Topic topic, TextAnalysis analysis, int firstNumber) {
            return new CompiledTopic(topic.id(), topic.name(), topic.weight(),
                    compile(topic.terms(), analysis, "topic " + topic.id()),
                    compile(topic.exclude(), analysis, "topic " + topic.id()), firstNumber);
        }
    }

    private record CompiledContext(List<TermPattern> words, List<TermPattern> near) {
        static CompiledContext of(NegativeContext context, TextAnalysis analysis) {
            return new CompiledContext(compile(context.words(), analysis, DefaultTopics.NEGATIVES_RESOURCE),
                    compile(context.near(), analysis, DefaultTopics.NEGATIVES_RESOURCE));
        }
    }

    private static List<TermPattern> compile(List<String> terms, TextAnalysis analysis, String owner) {
        List<TermPattern> compiled = new ArrayList<>();
        for (String term : terms) {
            try {
                compiled.add(TermPattern.compile(term, analysis));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(compiled);
    }
}
