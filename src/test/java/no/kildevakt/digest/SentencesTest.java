package no.kildevakt.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SentencesTest {
    @Test
    void takesUpToThreeWholeSentences() {
        assertEquals("En. To! Tre?", Sentences.lead("En. To! Tre? Fire. Fem."));
        assertEquals("Bare én setning.", Sentences.lead("  Bare   én\nsetning. "));
    }

    @Test
    void abbreviationsAndDatesDoNotEndASentence() {
        String text = "Regjeringen la fram planen 6. desember 2024. Den gjelder bl.a. arbeidsutnyttelse, f.eks. i landbruket. "
                + "Planen følges opp av Kripos. Mer kommer.";
        assertEquals("Regjeringen la fram planen 6. desember 2024. Den gjelder bl.a. arbeidsutnyttelse, f.eks. i landbruket. "
                + "Planen følges opp av Kripos.", Sentences.lead(text));
    }

    @Test
    void stopsBeforeTheLimitRatherThanCuttingASentence() {
        String second = "Andre setning er lang " + "og lang ".repeat(60) + "til slutt.";
        assertEquals("Første setning.", Sentences.lead("Første setning. " + second));
    }

    @Test
    void aFragmentTheFeedCutOffIsDropped() {
        assertEquals("Rapporten er ute.", Sentences.lead("Rapporten er ute. Den viser at mange barn utnyttes i"));
        assertEquals("Rapporten er ute.", Sentences.lead("Rapporten er ute. Den viser at mange barn utnyttes i …"));
    }

    @Test
    void aSingleFragmentIsKeptAndMarked() {
        assertEquals("Den viser at mange barn utnyttes i …", Sentences.lead("Den viser at mange barn utnyttes i"));
        assertEquals("Fortsetter …", Sentences.lead("Fortsetter …"));
    }

    @Test
    void aVeryLongSentenceIsCutAtAWord() {
        String text = "Ord".repeat(3) + " " + "menneskehandelsfeltet ".repeat(40) + "slutt.";
        String lead = Sentences.lead(text);
        assertTrue(lead.length() <= Sentences.MAX_CHARS, lead.length() + "");
        assertTrue(lead.endsWith("menneskehandelsfeltet …"), lead);
    }

    @Test
    void aWordLongerThanTheLimitIsCutWithoutSplittingACharacter() {
        String text = "a".repeat(397) + "😀😀😀😀";
        String lead = Sentences.lead(text);
        assertTrue(lead.endsWith(" …"), lead);
        String body = lead.substring(0, lead.length() - 2);
        assertEquals(body.codePointCount(0, body.length()) * 1L, body.codePoints().count());
        assertTrue(!Character.isHighSurrogate(body.charAt(body.length() - 1)), body);
    }

    @Test
    void nothingGivesNothing() {
        assertEquals("", Sentences.lead(null));
        assertEquals("", Sentences.lead("  \n "));
    }

    @Test
    void quotesAfterTheFullStopBelongToTheSentence() {
        assertEquals("Hun sa: «Dette er alvorlig.» Saken er henlagt.", Sentences.lead("Hun sa: «Dette er alvorlig.» Saken er henlagt. Mer"));
    }
}
