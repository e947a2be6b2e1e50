package no.kildevakt.rank.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.rank.RankingFigures;
import no.kildevakt.rank.RealisticEvaluationTest;
import no.kildevakt.rank.Relevance;
import no.kildevakt.rank.TopicRanker;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.StoredItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Learning, measured over time on the realistic set (src/test/resources/no/kildevakt/rank/realistic.jsonl,
 * 2024-Q2 to 2025-Q2, under 30% relevant): does the ranking get better from what the editors decide
 * and from the issues they published?
 *
 * <p>The design, per quarter of the set, as a new user would live it:
 * <ul>
 * <li><b>decisions</b>: the first month's items are decided (relevant = accepted, the rest rejected),
 * then the next two months are ranked. Before = the default topics alone; after =
 * {@link LearnedRelevance} over the topics and those decisions.</li>
 * <li><b>past issues</b>: no decisions; one, two or four earlier issues imported (their entries as
 * accepted examples, "i nummer 2024-Q1"), and the same two months ranked. The issues
 * (past-issues/2023-Q2 … 2024-Q1) cover quarters before the whole set, so they carry no label of it.</li>
 * <li><b>a year of decisions</b>: every item before the second month decided (earlier quarters
 * included), as an editor has after using kildevakt for a while.</li>
 * </ul>
 * Figures are for the months ranked (two per quarter), pooled over the quarters: precision and recall at
 * the threshold count over all of them, AP is the mean of the quarters' APs (each quarter is its own
 * digest).
 *
 * <p>Dev and held out are kept apart so that tuning on dev never reads a held-out label, not even
 * through the learner: the <b>dev</b> runs learn only from dev items' decisions and are scored on dev
 * items; the <b>held-out</b> runs learn from every decision of the first month (as the editor takes
 * them) and are scored on held-out items only. Tune on the dev lines; read the held-out lines once,
 * at the end.
 *
 * <p>The issue's targets (after one month of decisions: recall ≥ 0.9 with precision ≥ 0.6 and AP up
 * by ≥ 0.05 over the cold start) are printed as met or not, not asserted: the floors are for the lead
 * to set once the figures are known. The test asserts only that the data is read as designed.
 */
class RealisticLearningTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** The past issues, oldest first; all before the set's first quarter. */
    private static final List<String> ISSUES = List.of("2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1");

    record Labelled(int id, String split, String quarter, LocalDate date, String source, String section,
            String language, boolean relevant, String title, String summary) {
        boolean dev() {
            return split.equals("dev");
        }

        YearMonth month() {
            return YearMonth.from(date);
        }

        /** As kildevakt would have stored it, undecided: the scorers see nothing of the label. */
        StoredItem stored() {
            Instant at = date.atTime(12, 0).atZone(OSLO).toInstant();
            return new StoredItem(id, "realistic:" + id, source, List.of(source), section, title,
                    "https://example.org/realistic/" + id, null, summary, at, null, null, at, at, ReviewStatus.NEW,
                    null, null, null, null);
        }

        /** The editor's decision on it, named as a card would name it. */
        Example decision() {
            return new Example(title, summary, source, section, date, relevant,
                    (relevant ? "tatt med " : "avvist ") + DAY.format(date));
        }
    }

    /** One entry of a past issue: its heading and paragraph, under a section. */
    record Entry(String issue, String section, String heading, String paragraph) {
        Example example() {
            // like StoredEvidence does for an imported issue: no source, no section, the period's first day
            return new Example(heading, paragraph, null, null, start(issue), true, "i nummer " + issue);
        }
    }

    private static List<Labelled> items;
    private static Map<String, List<Entry>> issues;
    private static TopicRanker topics;

    @BeforeAll
    static void read() throws IOException {
        items = readSet();
        issues = new LinkedHashMap<>();
        for (String issue : ISSUES) {
            issues.put(issue, readIssue(issue));
        }
        topics = TopicRanker.defaults();
    }

    /** The realistic set as {@link RealisticEvaluationTest} reads it, less the labeller's notes. */
    static List<Labelled> readSet() throws IOException {
        return RealisticEvaluationTest.read().stream().map(l -> new Labelled(l.id(), l.split(), l.quarter(), l.date(),
                l.source(), l.section(), l.language(), l.relevant(), l.title(), l.summary())).toList();
    }

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

    /**
     * A past issue's entries, read simply: under each "## section", a heading (### or ####) followed by a
     * paragraph is an entry; a heading followed straight by another heading names a group (the body, in
     * the international section) and is no entry. Links keep their text.
     */
    static List<Entry> readIssue(String issue) throws IOException {
        List<String> lines;
        try (InputStream in = RealisticLearningTest.class.getResourceAsStream(
                "/no/kildevakt/rank/past-issues/" + issue + ".md")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<Entry> entries = new ArrayList<>();
        String section = null;
        String heading = null;
        StringBuilder paragraph = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            boolean isHeading = line.startsWith("#");
            if (isHeading || line.isEmpty()) {
                if (heading != null && paragraph.length() > 0) {
                    entries.add(new Entry(issue, section, heading, paragraph.toString()));
                    heading = null;
                }
                paragraph.setLength(0);
            }
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                heading = null;
            } else if (line.startsWith("### ") || line.startsWith("#### ")) {
                heading = line.replaceFirst("^#+\\s*", "");
            } else if (!isHeading && !line.isEmpty() && heading != null) {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(LINK.matcher(line).replaceAll("$1"));
            }
        }
        if (heading != null && paragraph.length() > 0) {
            entries.add(new Entry(issue, section, heading, paragraph.toString()));
        }
        return entries;
    }

    static LocalDate start(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(6) - '0';
        return LocalDate.of(year, (q - 1) * 3 + 1, 1);
    }

    static RankingFigures figures(List<Labelled> ranked, Relevance relevance) {
        return RankingFigures.of(ranked, i -> relevance.score(i.stored()).value(), Labelled::relevant, relevance.threshold());
    }

    private static List<Labelled> where(Predicate<Labelled> filter) {
        return items.stream().filter(filter).toList();
    }

    private static List<Example> entriesOfLast(int count) {
        List<Example> examples = new ArrayList<>();
        ISSUES.subList(ISSUES.size() - count, ISSUES.size())
                .forEach(issue -> issues.get(issue).forEach(e -> examples.add(e.example())));
        return examples;
    }

    private static List<Example> decisions(List<Labelled> decided) {
        return decided.stream().map(Labelled::decision).toList();
    }

    /** The conditions, in the order printed; each gives the examples for a quarter and a split. */
    private interface Condition {
        List<Example> examples(String quarter, boolean dev);
    }

    @Test
    void theDataIsReadAsDesigned() {
        assertTrue(items.size() >= 400, "items: " + items.size());
        for (String issue : ISSUES) {
            List<Entry> entries = issues.get(issue);
            assertTrue(entries.size() >= 10, issue + " has " + entries.size() + " entries");
            assertTrue(entries.stream().allMatch(e -> e.section() != null && !e.paragraph().isBlank()), issue);
            assertTrue(entries.stream().noneMatch(e -> e.heading().matches("UNODC|OSSE|EMD|GRETA|Europol|EU|"
                    + "Østersjørådet|Sverige|Danmark|Finland")), issue + ": a body's name is a group, not an entry");
            assertTrue(start(issue).isBefore(items.stream().map(Labelled::date).min(LocalDate::compareTo).get()),
                    issue + " is before the set");
        }
        for (String quarter : quarters()) {
            YearMonth first = YearMonth.from(start(quarter));
            assertTrue(where(i -> i.month().equals(first) && i.relevant()).size() >= 3, quarter + ": decisions to learn from");
            assertEquals(2, where(i -> i.quarter().equals(quarter)).stream().map(Labelled::month)
                    .filter(m -> m.isAfter(first)).distinct().count(), quarter + ": two months to rank");
        }
    }

    private static List<String> quarters() {
        return items.stream().map(Labelled::quarter).distinct().sorted().toList();
    }

    @Test
    void learningOverTime() {
        Map<String, Condition> conditions = new LinkedHashMap<>();
        conditions.put("before (topics only)", (q, dev) -> List.of());
        conditions.put("after a month of decisions", (q, dev) -> decisions(where(i -> i.quarter().equals(q)
                && i.month().equals(YearMonth.from(start(q))) && (!dev || i.dev()))));
        conditions.put("after 1 past issue", (q, dev) -> entriesOfLast(1));
        conditions.put("after 2 past issues", (q, dev) -> entriesOfLast(2));
        conditions.put("after 4 past issues", (q, dev) -> entriesOfLast(4));
        conditions.put("4 past issues + a month of decisions", (q, dev) -> {
            List<Example> both = new ArrayList<>(entriesOfLast(4));
            both.addAll(conditions.get("after a month of decisions").examples(q, dev));
            return both;
        });
        conditions.put("all earlier decisions (since 2024-04)", (q, dev) -> decisions(where(i ->
                i.date().isBefore(start(q).plusMonths(1)) && (!dev || i.dev()))));

        Map<String, Map<Boolean, RankingFigures>> pooled = new LinkedHashMap<>();
        System.out.println("realistic learning evaluation: per quarter, the last two months ranked");
        for (boolean dev : new boolean[] {true, false}) {
            String split = dev ? "dev" : "held out";
            for (Map.Entry<String, Condition> c : conditions.entrySet()) {
                List<RankingFigures> perQuarter = new ArrayList<>();
                for (String q : quarters()) {
                    YearMonth first = YearMonth.from(start(q));
                    List<Labelled> ranked = where(i -> i.quarter().equals(q) && i.month().isAfter(first)
                            && i.dev() == dev);
                    List<Example> examples = c.getValue().examples(q, dev);
                    Relevance relevance = examples.isEmpty() ? topics : new LearnedRelevance(topics, examples);
                    RankingFigures f = figures(ranked, relevance);
                    perQuarter.add(f);
                    System.out.printf(Locale.ROOT, "  %-8s %-40s %s (%d examples): %s%n", split, c.getKey(), q,
                            examples.size(), f);
                }
                RankingFigures all = RankingFigures.pooled(perQuarter);
                pooled.computeIfAbsent(c.getKey(), k -> new LinkedHashMap<>()).put(dev, all);
            }
        }
        System.out.println("pooled over the quarters (precision and recall over all ranked items, AP the mean):");
        for (boolean dev : new boolean[] {true, false}) {
            for (Map.Entry<String, Map<Boolean, RankingFigures>> e : pooled.entrySet()) {
                System.out.printf(Locale.ROOT, "  %-8s %-40s %s%n", dev ? "dev" : "held out", e.getKey(), e.getValue().get(dev));
            }
        }
        System.out.println("the issue's targets (those met are asserted below):");
        for (boolean dev : new boolean[] {true, false}) {
            String split = dev ? "dev" : "held out";
            RankingFigures cold = pooled.get("before (topics only)").get(dev);
            RankingFigures month = pooled.get("after a month of decisions").get(dev);
            System.out.printf(Locale.ROOT, "  %-8s cold start recall >= 0.9 with precision >= 0.5: %s (%.3f, %.3f)%n", split,
                    met(cold.recall() >= 0.9 && cold.precision() >= 0.5), cold.recall(), cold.precision());
            System.out.printf(Locale.ROOT, "  %-8s a month of decisions recall >= 0.9 with precision >= 0.6: %s (%.3f, %.3f)%n",
                    split, met(month.recall() >= 0.9 && month.precision() >= 0.6), month.recall(), month.precision());
            System.out.printf(Locale.ROOT, "  %-8s a month of decisions AP up >= 0.05: %s (%.3f -> %.3f)%n", split,
                    met(month.averagePrecision() - cold.averagePrecision() >= 0.05), cold.averagePrecision(),
                    month.averagePrecision());
            for (String n : List.of("1", "2", "4")) {
                RankingFigures f = pooled.get("after " + n + " past issue" + (n.equals("1") ? "" : "s")).get(dev);
                System.out.printf(Locale.ROOT, "  %-8s %s past issue(s) help before any decision: %s (AP %.3f -> %.3f, "
                        + "recall %.3f -> %.3f)%n", split, n, met(f.averagePrecision() > cold.averagePrecision()
                        || f.recall() > cold.recall()), cold.averagePrecision(), f.averagePrecision(), cold.recall(),
                        f.recall());
            }
        }
        assertEquals(conditions.size(), pooled.size());
        // the targets met since issue 11 (dev tuned, held out not): a change that loses one fails here
        for (boolean dev : new boolean[] {true, false}) {
            RankingFigures cold = pooled.get("before (topics only)").get(dev);
            RankingFigures month = pooled.get("after a month of decisions").get(dev);
            assertTrue(cold.recall() >= 0.9 && cold.precision() >= 0.5, "cold start " + cold);
            assertTrue(month.recall() >= 0.9 && month.precision() >= 0.6, "a month of decisions " + month);
            assertTrue(month.averagePrecision() >= cold.averagePrecision(), "decisions must not lower AP: " + month);
        }
        RankingFigures devCold = pooled.get("before (topics only)").get(true);
        RankingFigures devFour = pooled.get("after 4 past issues").get(true);
        assertTrue(devFour.averagePrecision() > devCold.averagePrecision(), "four past issues help on dev: " + devFour);
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }
}
