package no.kildevakt.rank.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.rank.Score;
import no.kildevakt.rank.TopicRanker;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.StoredItem;
import org.junit.jupiter.api.Test;

class LearnedRelevanceTest {
    private static final TopicRanker TOPICS = TopicRanker.defaults();

    static StoredItem item(String title, String summary) {
        Instant t = Instant.parse("2026-01-10T10:00:00Z");
        return new StoredItem(1, "key", "s", List.of("s"), "norske", title, "https://example.org/a", null, summary,
                t, null, null, t, t, ReviewStatus.NEW, null, null, null, null);
    }

    static Example accepted(String title, String summary) {
        return new Example(title, summary, "s", "norske", LocalDate.of(2024, 10, 12), true, "tatt med 12.10.2024");
    }

    static Example rejected(String title, String summary) {
        return new Example(title, summary, "s", "norske", LocalDate.of(2024, 10, 12), false, "avvist 12.10.2024");
    }

    private static final List<Example> NOISE = List.of(
            rejected("Statsbudsjettet for 2026 er lagt fram", "Regjeringen legger fram forslag til statsbudsjett."),
            rejected("Ny leder for Politiets fellestjenester", "Direktøren er utnevnt i statsråd."),
            rejected("Idrettsmeldingen er lagt fram", "Meldingen handler om frivillighet og idrettsanlegg."));

    @Test
    void anItemLikeAnAcceptedExamplePassesTheThresholdWithNoTopic() {
        StoredItem item = item("Frivilligsentralene i Nordland får nye tilskudd til dugnad",
                "Tilskuddsordningen for frivilligsentraler og dugnad styrkes i Nordland.");
        assertEquals(0, TOPICS.score(item).value(), "no topic matches the item");
        List<Example> examples = new ArrayList<>(NOISE);
        examples.add(accepted("Frivilligsentralene får nye tilskudd til dugnad", "Tilskuddsordningen for frivilligsentraler og dugnad styrkes."));
        LearnedRelevance learned = new LearnedRelevance(TOPICS, examples);
        Score score = learned.score(item);
        assertTrue(score.value() >= learned.threshold(), score.toString());
        assertTrue(score.matched().contains("som «Frivilligsentralene får nye tilskudd til dugnad», tatt med 12.10.2024"), score.matched().toString());
        assertEquals("accepted", score.why().get(0).kind());
        assertEquals("learned", score.why().get(1).kind());
    }

    @Test
    void anItemLikeARejectedExampleGoesDownButStrongTopicsAreNotBuried() {
        StoredItem item = item("Seminar om menneskehandel i Bergen", "Påmelding til frokostseminar om menneskehandel og tvangsarbeid.");
        double topic = TOPICS.score(item).value();
        assertTrue(topic > 0);
        List<Example> examples = new ArrayList<>(NOISE);
        examples.add(rejected("Seminar om menneskehandel i Bergen", "Påmelding til frokostseminar om menneskehandel."));
        Score score = new LearnedRelevance(TOPICS, examples).score(item);
        assertTrue(score.value() < topic, score + " vs " + topic);
        assertTrue(score.value() >= topic * (1 - LearnedRelevance.PENALTY_SHARE) - 1e-9, score.toString());
        assertTrue(score.why().stream().anyMatch(w -> w.kind().equals("rejected")), score.why().toString());
    }

    @Test
    void withNoExamplesTheScoreIsTheTopicScore() {
        StoredItem item = item("Ny handlingsplan mot menneskehandel", "");
        assertEquals(TOPICS.score(item), new LearnedRelevance(TOPICS, List.of()).score(item));
    }

    @Test
    void theSameExamplesGiveTheSameScores() {
        List<Example> examples = new ArrayList<>(NOISE);
        examples.add(accepted("Rapport om tvangsarbeid i landbruket", "Arbeidstilsynet fant grove brudd."));
        examples.add(accepted("Tvangsarbeid i landbruket: nye tall", "Flere saker enn før."));
        StoredItem item = item("Nye tall om tvangsarbeid i landbruket", "Arbeidstilsynet med rapport.");
        Score first = new LearnedRelevance(TOPICS, examples).score(item);
        for (int i = 0; i < 3; i++) {
            assertEquals(first, new LearnedRelevance(TOPICS, examples).score(item));
        }
    }

    @Test
    void precedentsAreNamedInAnEditorsWords() {
        assertEquals("som «Tittel» i nummer 2024-Q3",
                LearnedRelevance.words(new Example("Tittel", null, null, null, null, true, "i nummer 2024-Q3")));
        assertEquals("som «Tittel», tatt med 12.10.2024", LearnedRelevance.words(accepted("Tittel", null)));
    }

    /** A month of decisions: the field's words recur though no title does. */
    private static final List<Example> MONTH = List.of(
            accepted("Frivilligsentralene i Agder får nye tilskudd", "Rapport om dugnad og frivillighet i nærmiljøet."),
            accepted("Ny rapport om frivilligsentraler i distriktene", "Dugnad holder lokalsamfunn sammen."),
            accepted("Tiltak for frivilligsentraler i byene", "Frivilligsentralene ber om bedre oppfølging av dugnad."),
            rejected("Statsbudsjettet for 2026 er lagt fram", "Regjeringen legger fram forslag til statsbudsjett."),
            rejected("Ny leder for Politiets fellestjenester", "Direktøren er utnevnt i statsråd."),
            rejected("Idrettsmeldingen er lagt fram", "Meldingen handler om frivillighet og idrettsanlegg."),
            rejected("Nye regler for snøscooter", "Regjeringen endrer forskriften om motorferdsel i utmark."));

    @Test
    void theFieldsWordsLiftAnItemNoPrecedentIsLikeAndTheNearestPrecedentIsStillNamed() {
        StoredItem item = item("Frivilligsentralene i Troms mangler lokaler til dugnad", "Mange sentraler får ikke plass.");
        assertTrue(TOPICS.score(item).value() < TOPICS.threshold(), "the topics alone leave it under the threshold");
        LearnedRelevance learned = new LearnedRelevance(TOPICS, MONTH);
        LearnedRelevance.Explanation e = learned.explain(item);
        assertTrue(e.score().value() >= learned.threshold(), e.toString());
        assertTrue(e.accepted().get(0).similarity() < LearnedRelevance.A_HIGH, "no precedent alone carries it: " + e);
        assertEquals("accepted", e.score().why().stream().filter(w -> !w.kind().equals("topic")).findFirst().get().kind());
        Score.Why part = e.score().why().get(e.score().why().size() - 1);
        assertEquals("learned", part.kind());
        assertTrue(part.name().contains("frivilligsentral"), part.name());
    }

    @Test
    void wordsEveryTextHasAreNoFieldWords() {
        // past issues alone: nothing rejected, so only words that recur in the entries count; "om", "i" and
        // "for" recur everywhere and must not lift an unrelated item
        List<Example> issue = List.of(
                new Example("Rapport om menneskehandel i Norge", "En rapport om utnyttelse i arbeidslivet.", null, null, null, true, "i nummer 2024-Q1"),
                new Example("Dom om tvangsarbeid i landbruket", "Retten dømte for grov utnyttelse.", null, null, null, true, "i nummer 2024-Q1"),
                new Example("Seminar om menneskehandel for ansatte i kommunen", "Et seminar om utnyttelse.", null, null, null, true, "i nummer 2024-Q1"));
        StoredItem item = item("Fartsgrenser i byen for syklister om sommeren", "Nye regler om trafikk i sentrum.");
        Score score = new LearnedRelevance(TOPICS, issue).score(item);
        assertTrue(score.value() < TOPICS.threshold(), score.toString());
    }

    @Test
    void aSourceWhoseItemsAreAcceptedLeansAnItemUpAndOnlyALittle() {
        List<Example> decided = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            decided.add(new Example("Sak " + i + " om noe helt annet", null, "barneombudet", "norske", null, true, "tatt med 1.1.2025"));
            decided.add(new Example("Melding " + i + " om veier", null, "vegvesen", "norske", null, false, "avvist 1.1.2025"));
        }
        LearnedRelevance learned = new LearnedRelevance(TOPICS, decided);
        StoredItem fromIt = new StoredItem(1, "key", "barneombudet", List.of("barneombudet"), "norske", "Årsmelding 2024",
                "https://example.org/a", null, "", Instant.parse("2026-01-10T10:00:00Z"), null, null, null, null, ReviewStatus.NEW,
                null, null, null, null);
        double bonus = learned.explain(fromIt).bonus();
        assertTrue(bonus > 0 && bonus <= learned.threshold() * LearnedRelevance.SOURCE, "bonus " + bonus);
    }
}
