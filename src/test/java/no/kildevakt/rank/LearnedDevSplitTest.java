package no.kildevakt.rank;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.rank.learn.Example;
import no.kildevakt.rank.learn.LearnedRelevance;
import org.junit.jupiter.api.Test;

/**
 * How learning from decisions changes the ranking, on the dev split of the evaluation set only (the
 * held-out items are not read): the editors decide the odd-numbered dev items, and the even-numbered
 * ones are ranked by topics alone and by topics plus those decisions. The learned constants were tuned
 * on this split; the realistic set and its harness measure learning honestly.
 */
class LearnedDevSplitTest {
    @Test
    void decisionsOnHalfTheDevSplitKeepRecallAndAveragePrecision() throws IOException {
        List<EvaluationTest.Labelled> dev = EvaluationTest.read().stream().filter(i -> i.split().equals("dev")).toList();
        List<Example> decided = new ArrayList<>();
        List<EvaluationTest.Labelled> ranked = new ArrayList<>();
        for (EvaluationTest.Labelled i : dev) {
            if (i.id() % 2 == 1) {
                decided.add(new Example(i.title(), i.summary(), i.source(), null, null, i.relevant(), "tatt med 1.1.2025"));
            } else {
                ranked.add(i);
            }
        }
        TopicRanker topics = TopicRanker.defaults();
        LearnedRelevance learned = new LearnedRelevance(topics, decided);
        RankingFigures before = figures(ranked, topics, topics.threshold());
        RankingFigures after = figures(ranked, learned, learned.threshold());
        System.out.println("learning on the dev split (tuned on it):");
        System.out.println("  topics only:          " + before);
        System.out.println("  topics and decisions: " + after);
        assertTrue(after.recall() >= before.recall(), after + " vs " + before);
        assertTrue(after.averagePrecision() >= before.averagePrecision() - 0.01, after + " vs " + before);
    }

    private static RankingFigures figures(List<EvaluationTest.Labelled> items, Relevance relevance, double threshold) {
        List<EvaluationTest.Scored> scored = items.stream()
                .map(i -> new EvaluationTest.Scored(i, relevance.score(TopicRankerTest.item(i.source(), List.of(i.source()), i.title(), i.summary()))))
                .toList();
        return EvaluationTest.figures(scored, threshold);
    }
}
