package no.kildevakt.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cold start on a realistic set: the default topics at the default threshold, with no decisions
 * and no past issues, over items modelled on what the sources publish in a quarter (2024-Q2 to
 * 2025-Q2), most of them not about the newsletter's field. {@link EvaluationTest}'s set is half
 * relevant and was written by the hands that wrote the rules, so it flatters recall; this set was
 * labelled against the newsletter's scope before any tuning, at a base rate like the real feeds'
 * (under 30% relevant), with hard negatives (drug, arms and wildlife trafficking, children's news
 * without abuse, generic work-life news).
 *
 * <p>Every fourth item by id is held out ({@code "split": "heldout"}); the split was fixed before the
 * items were labelled. Tune topics and learning on dev only; the held-out figures show how that
 * tuning carries over.
 *
 * <p>Before issue 11 touched the topics (default topics of commit 56c0c4d, threshold 6), the set gave:
 * all 466 items precision 0.964 (107/111), recall 0.805 (107/133), AP 0.856; dev precision 0.949,
 * recall 0.765, AP 0.823; held out precision 1.000, recall 0.914 (32/35), AP 0.940. The floors
 * asserted here guard against going backwards from that: recall and AP are those figures rounded
 * down; precision is held only to the issue's target (0.5), so broadening the topics may trade
 * precision for recall, which is the point of a recall-first threshold.
 *
 * <p>After issue 11's broader topics (tuned on the other set's dev split, never on this set), the set
 * gives: all precision 0.919, recall 0.940, AP 0.934; dev 0.902 / 0.939 / 0.923; held out 0.971 /
 * 0.943 / 0.960. The floors are now the issue's cold-start target: recall 0.9 with precision 0.5.
 */
public class RealisticEvaluationTest {
    /** The issue's cold-start target (0.805 before issue 11, 0.940 after). */
    static final double RECALL_FLOOR = 0.90;
    /** The issue's precision target, not today's 0.964: broader topics may spend precision on recall. */
    static final double PRECISION_FLOOR = 0.5;
    /** Average precision of all items after issue 11 (0.934), rounded down (0.856 before). */
    static final double AVERAGE_PRECISION_FLOOR = 0.90;

    /** One labelled item of the realistic set. */
    public record Labelled(int id, String split, String quarter, LocalDate date, String source, String section,
            String language, boolean relevant, String title, String summary, String note) {
    }

    record Scored(Labelled item, Score score) {
    }

    /** Precision and recall at the threshold, and average precision of the whole ranking. */

    private static List<Scored> scored;
    private static double threshold;

    @BeforeAll
    static void scoreTheSet() throws IOException {
        TopicRanker ranker = TopicRanker.defaults();
        threshold = ranker.threshold();
        scored = new ArrayList<>();
        for (Labelled item : read()) {
            scored.add(new Scored(item, ranker.score(item.title(), item.summary(), 1)));
        }
    }

    public static List<Labelled> read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> items = new ArrayList<>();
        try (InputStream in = RealisticEvaluationTest.class.getResourceAsStream("realistic.jsonl");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                items.add(new Labelled(n.get("id").asInt(), n.get("split").asText(), n.get("quarter").asText(),
                        LocalDate.parse(n.get("date").asText()), n.get("source").asText(), n.get("section").asText(),
                        n.get("language").asText(), n.get("relevant").asBoolean(), n.get("title").asText(),
                        n.get("summary").asText(), n.get("note").asText()));
            }
        }
        return items;
    }

    /** The figures of a ranking (see {@link RankingFigures} for how ties count). */
    static RankingFigures figures(List<Scored> items, double threshold) {
        return RankingFigures.of(items, s -> s.score().value(), s -> s.item().relevant(), threshold);
    }

    private static List<Scored> where(Predicate<Labelled> filter) {
        return scored.stream().filter(s -> filter.test(s.item())).toList();
    }

    @Test
    void theSetIsRealistic() {
        assertTrue(scored.size() >= 400, "at least 400 items, got " + scored.size());
        assertEquals(scored.size(), scored.stream().map(s -> s.item().id()).distinct().count(), "ids are unique");
        long relevant = scored.stream().filter(s -> s.item().relevant()).count();
        assertTrue(relevant <= scored.size() * 0.3, "at least 70% not relevant, got " + relevant + "/" + scored.size());
        for (Scored s : scored) {
            Labelled i = s.item();
            assertEquals(i.id() % 4 == 0 ? "heldout" : "dev", i.split(), "every 4th id is held out: #" + i.id());
            String quarter = i.date().getYear() + "-Q" + ((i.date().getMonthValue() - 1) / 3 + 1);
            assertEquals(quarter, i.quarter(), "quarter matches date: #" + i.id());
        }
        Map<String, Long> perQuarter = scored.stream()
                .collect(Collectors.groupingBy(s -> s.item().quarter(), TreeMap::new, Collectors.counting()));
        assertTrue(perQuarter.size() >= 4, perQuarter.toString());
        perQuarter.forEach((q, n) -> assertTrue(n >= 80, q + " has " + n + " items"));
        Set<String> months = scored.stream().map(s -> s.item().date().toString().substring(0, 7))
                .collect(Collectors.toSet());
        assertEquals(perQuarter.size() * 3, months.size(), "every month of every quarter has items: " + months);
        Set<String> languages = scored.stream().map(s -> s.item().language()).collect(Collectors.toSet());
        assertTrue(languages.containsAll(Set.of("nb", "nn", "en", "sv", "da")), languages.toString());
    }

    @Test
    void coldStartFigures() {
        RankingFigures all = figures(scored, threshold);
        RankingFigures dev = figures(where(i -> i.split().equals("dev")), threshold);
        RankingFigures heldOut = figures(where(i -> i.split().equals("heldout")), threshold);
        System.out.println("realistic evaluation, cold start (default topics) at threshold " + threshold);
        System.out.println("  all:      " + all);
        System.out.println("  dev:      " + dev);
        System.out.println("  held out: " + heldOut);
        for (String language : List.of("nb", "nn", "en", "sv", "da")) {
            System.out.println("  " + language + ":       " + figures(where(i -> i.language().equals(language)), threshold));
        }
        for (String quarter : scored.stream().map(s -> s.item().quarter()).distinct().sorted().toList()) {
            System.out.println("  " + quarter + ":  " + figures(where(i -> i.quarter().equals(quarter)), threshold));
        }
        for (double t : new double[] {1, 2, 3, 4, 5, 6, 8, 10}) {
            System.out.println("  dev at " + t + ": " + figures(where(i -> i.split().equals("dev")), t));
        }
        // the dev errors, to tune from; the held-out ones are not printed on purpose
        for (Scored s : where(i -> i.split().equals("dev"))) {
            boolean candidate = s.score().value() >= threshold;
            if (candidate != s.item().relevant()) {
                System.out.printf(Locale.ROOT, "  dev %s #%d %.1f %s | %s | %s%n", candidate ? "false positive" : "missed",
                        s.item().id(), s.score().value(), s.score().matched(), s.item().title(), s.item().note());
            }
        }
        assertTrue(all.recall() >= RECALL_FLOOR, "recall " + all);
        assertTrue(all.precision() >= PRECISION_FLOOR, "precision " + all);
        assertTrue(all.averagePrecision() >= AVERAGE_PRECISION_FLOOR, "AP " + all);
    }
}
