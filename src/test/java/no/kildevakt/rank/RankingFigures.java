package no.kildevakt.rank;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one ranking against labels: precision and recall at a threshold, and average
 * precision of the whole order. One definition for every relevance evaluation, so their figures
 * mean the same thing and quarters can be pooled.
 *
 * @param averagePrecision ties in score are broken pessimistically (irrelevant first), so items that
 *                         score the same, such as the unmatched tail at 0, earn nothing by luck of order
 */
public record RankingFigures(int items, int relevant, int truePositives, int candidates, double averagePrecision) {

    /** The figures of {@code items} ranked by {@code score}, candidates being those at or over {@code threshold}. */
    public static <T> RankingFigures of(List<T> items, ToDoubleFunction<T> score, Predicate<T> relevant, double threshold) {
        record Scored<T>(T item, double score, boolean relevant) {}
        List<Scored<T>> scored = items.stream()
                .map(i -> new Scored<>(i, score.applyAsDouble(i), relevant.test(i)))
                .sorted(Comparator.comparingDouble((Scored<T> s) -> -s.score()).thenComparing(Scored::relevant))
                .toList();
        int relevantCount = 0;
        int candidates = 0;
        int tp = 0;
        double sumPrecision = 0;
        for (int i = 0; i < scored.size(); i++) {
            Scored<T> s = scored.get(i);
            boolean candidate = s.score() >= threshold;
            candidates += candidate ? 1 : 0;
            if (s.relevant()) {
                relevantCount++;
                tp += candidate ? 1 : 0;
                sumPrecision += (double) relevantCount / (i + 1);
            }
        }
        return new RankingFigures(scored.size(), relevantCount, tp, candidates,
                relevantCount == 0 ? 0 : sumPrecision / relevantCount);
    }

    /** Rankings pooled (the quarters of a year, say): counts summed, AP the mean of theirs. */
    public static RankingFigures pooled(List<RankingFigures> parts) {
        return new RankingFigures(parts.stream().mapToInt(RankingFigures::items).sum(),
                parts.stream().mapToInt(RankingFigures::relevant).sum(),
                parts.stream().mapToInt(RankingFigures::truePositives).sum(),
                parts.stream().mapToInt(RankingFigures::candidates).sum(),
                parts.stream().mapToDouble(RankingFigures::averagePrecision).average().orElse(0));
    }

    public double precision() {
        return candidates == 0 ? 0 : (double) truePositives / candidates;
    }

    public double recall() {
        return relevant == 0 ? 0 : (double) truePositives / relevant;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%3d items (%3d relevant): precision %.3f (%d/%d), recall %.3f (%d/%d), AP %.3f",
                items, relevant, precision(), truePositives, candidates, recall(), truePositives, relevant, averagePrecision);
    }
}
