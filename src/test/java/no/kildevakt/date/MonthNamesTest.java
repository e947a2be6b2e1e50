package no.kildevakt.date;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link MonthNames#startedBy} looks starts up in a table; it must answer as asking every name would. */
class MonthNamesTest {

    @Test
    void everyStartOfEveryNameInAnyCase() {
        for (String name : MonthNames.names()) {
            for (int end = 1; end <= name.length(); end++) {
                String start = name.substring(0, end);
                assertEquals(byEveryName(start), MonthNames.startedBy(start), start);
                String upper = start.toUpperCase(Locale.ROOT);
                assertEquals(byEveryName(upper), MonthNames.startedBy(upper), upper);
            }
        }
        assertEquals(Optional.of(9), MonthNames.startedBy("Septem"));
        assertEquals(Optional.of(12), MonthNames.startedBy("desemb"));
    }

    @Test
    void wordsMadeOfTheNamesLetters() {
        String letters = "januaryfebmrchplisgtovdcesk";
        SplittableRandom random = new SplittableRandom(31);
        for (int n = 0; n < 50_000; n++) {
            char[] word = new char[random.nextInt(1, 10)];
            for (int i = 0; i < word.length; i++) {
                word[i] = letters.charAt(random.nextInt(letters.length()));
            }
            String w = new String(word);
            assertEquals(byEveryName(w), MonthNames.startedBy(w), w);
        }
    }

    /** The rule as written: the month of a name that starts with the word, three letters at least. */
    private static Optional<Integer> byEveryName(String word) {
        if (word.length() < 3) {
            return Optional.empty();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return MonthNames.names().stream().filter(name -> name.startsWith(lower)).findFirst().flatMap(MonthNames::month);
    }
}
