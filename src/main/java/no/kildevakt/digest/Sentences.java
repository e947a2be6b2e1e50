package no.kildevakt.digest;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * The opening sentences of a summary, for the draft: whole sentences only, so an editor gets text to
 * polish rather than a fragment to repair. Sentence boundaries come from the JDK's sentence
 * {@link BreakIterator}, which knows that {@code bl.a.}, {@code f.eks.} and {@code 6. desember} do not
 * end a sentence. A summary the feed cut off mid-sentence loses the fragment; a single sentence too long
 * for a newsletter entry is cut at a word and marked with an ellipsis.
 */
public final class Sentences {
    /** At most this many sentences in a draft entry. */
    public static final int MAX_SENTENCES = 3;
    /** Sentences are added while the text stays within this many characters. */
    public static final int MAX_CHARS = 400;

    private static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

    private Sentences() {}

    /** Up to {@link #MAX_SENTENCES} sentences within {@link #MAX_CHARS}. */
    public static String lead(String text) {
        return lead(text, MAX_SENTENCES, MAX_CHARS);
    }

    /**
     * Up to {@code maxSentences} whole sentences of {@code text} within {@code maxChars} characters; at
     * least the first, cut at a word boundary with "…" if it alone is longer.
     */
    public static String lead(String text, int maxSentences, int maxChars) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        BreakIterator sentences = BreakIterator.getSentenceInstance(NORWEGIAN);
        sentences.setText(flat);
        int start = sentences.first();
        int end = start;
        int count = 0;
        for (int next = sentences.next(); next != BreakIterator.DONE && count < maxSentences; next = sentences.next()) {
            String candidate = flat.substring(start, next).strip();
            boolean complete = endsSentence(candidate);
            if (count > 0 && (candidate.length() > maxChars || !complete)) {
                break; // a further sentence would be too long, or is a fragment the feed cut off
            }
            end = next;
            count++;
        }
        String lead = flat.substring(start, end).strip();
        if (lead.length() > maxChars) {
            return cutAtWord(lead, maxChars);
        }
        if (count == 1 && !endsSentence(lead) && !lead.endsWith("…")) {
            return lead.replaceAll("[\\s.,;:–-]+$", "") + " …";
        }
        return lead;
    }

    /** Ends in a full stop, ! or ?, perhaps inside quotes; an ellipsis ("…", "...", "[…]") marks text the feed cut off. */
    private static boolean endsSentence(String s) {
        return s.matches("(?s).*(?<!\\.\\.)[.!?][\"'”’»)\\]]*$");
    }

    private static String cutAtWord(String s, int maxChars) {
        int cut = s.lastIndexOf(' ', maxChars - 2);
        int hard = Character.isLowSurrogate(s.charAt(maxChars - 2)) ? maxChars - 3 : maxChars - 2;
        String head = cut > maxChars / 2 ? s.substring(0, cut) : s.substring(0, hard);
        return head.replaceAll("[\\s.,;:–-]+$", "") + " …";
    }
}
