package no.kildevakt;

import java.util.SplittableRandom;

/**
 * Random strings over a chosen alphabet, for tests that hold a fast path to the rule it replaces:
 * the alphabet names every class of character the rule treats differently, and a fixed seed keeps
 * each run the same.
 */
public final class RandomText {
    private final SplittableRandom random;
    private final char[] alphabet;

    public RandomText(long seed, String alphabet) {
        this.random = new SplittableRandom(seed);
        this.alphabet = alphabet.toCharArray();
    }

    /** The next string, of 0 to {@code maxLength - 1} characters (lone surrogates included if the alphabet has them). */
    public String next(int maxLength) {
        char[] text = new char[random.nextInt(maxLength)];
        for (int i = 0; i < text.length; i++) {
            text[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(text);
    }

    /** The string's characters as hex code units, for a failure message. */
    public static String codeUnits(String s) {
        return s.chars().mapToObj(Integer::toHexString).toList().toString();
    }
}
