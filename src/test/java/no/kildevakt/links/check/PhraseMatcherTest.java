package no.kildevakt.links.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass phrase search answers exactly as asking {@code contains} of each phrase in turn. */
class PhraseMatcherTest {

    /** The loop it replaces: the first listed phrase the text contains. */
    private static Optional<String> naive(List<String> phrases, String text) {
        return phrases.stream().filter(text::contains).findFirst();
    }

    @Test
    void theFirstListedPhraseWinsNotTheFirstInTheText() {
        PhraseMatcher m = new PhraseMatcher(List.of("siden finnes ikke", "finnes", "page not found"));
        assertEquals(Optional.of("siden finnes ikke"), m.firstIn("beklager, siden finnes ikke her"));
        assertEquals(Optional.of("finnes"), m.firstIn("sida finnes ikkje"));
        assertEquals(Optional.of("page not found"), m.firstIn("404: page not found"));
        assertEquals(Optional.empty(), m.firstIn("regjeringen legger fram tiltak"));
        assertEquals(Optional.empty(), m.firstIn(""));
    }

    @Test
    void overlappingAndNestedPhrasesAreAllSeen() {
        // "she" ends inside "ushers", "he" inside "she", "hers" after a failed "his"
        List<String> phrases = List.of("hers", "his", "she", "he");
        PhraseMatcher m = new PhraseMatcher(phrases);
        for (String text : List.of("ushers", "ahishers", "sh", "h", "hi", "hhe", "shis", "xhersx")) {
            assertEquals(naive(phrases, text), m.firstIn(text), text);
        }
    }

    @Test
    void agreesWithTheLoopOnRandomTextsOfThePhrasesOwnPieces() {
        List<String> phrases = SoftNotFound.PHRASES;
        PhraseMatcher m = new PhraseMatcher(phrases);
        Random random = new Random(13);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(6);
            for (int k = 0; k < pieces; k++) {
                String p = phrases.get(random.nextInt(phrases.size()));
                int from = random.nextInt(p.length());
                int to = from + random.nextInt(p.length() - from + 1);
                text.append(random.nextInt(4) == 0 ? p : p.substring(from, to));
                if (random.nextBoolean()) {
                    text.append(" xyz".charAt(random.nextInt(4)));
                }
            }
            String t = text.toString();
            assertEquals(naive(phrases, t), m.firstIn(t), t);
        }
    }
}
