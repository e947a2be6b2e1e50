package no.kildevakt.links.extract;

import java.util.Arrays;

/**
 * Maps character offsets of a text to 1-based line numbers, counting {@code \r\n}, {@code \r} and
 * {@code \n} each as one line break, as editors do.
 *
 * <p>HTML line numbers are computed here from jsoup's character offsets rather than taken from jsoup's
 * own {@code Range.Position.lineNumber()}: in jsoup 1.21.2 that line number is sometimes one too high
 * (seen on real pages with line breaks inside attribute values), while the offset is right.
 */
final class LineIndex {
    private final int[] lineStarts;

    private LineIndex(int[] lineStarts) {
        this.lineStarts = lineStarts;
    }

    static LineIndex of(String text) {
        int[] starts = new int[16];
        int count = 1; // line 1 starts at 0
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(Arrays.copyOf(starts, count));
    }

    /** The line holding {@code offset} (offsets past the end give the last line). */
    int lineOf(int offset) {
        int at = Arrays.binarySearch(lineStarts, Math.max(0, offset));
        return at >= 0 ? at + 1 : -at - 1;
    }
}
