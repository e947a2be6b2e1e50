package no.kildevakt.review;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import no.kildevakt.digest.DigestEntry;

/**
 * One page of the review's list (the period's candidates in newsletter order, filtered), so that neither
 * the API nor the page hands a browser 150,000 items at once.
 *
 * <p>The cursor is a key set, not an offset: it names the last item given, and the next page starts
 * with the first item that comes after that item in the list's order ({@code Candidates#order}:
 * section, score, date, id, a total order). An offset would skip items whenever the list shrinks
 * between two pages, and on this page it does: an editor who shows the new items and accepts a few
 * of them has taken those out of "new" before asking for more. The named item need not be in the list
 * any more: its place in the order is where the next page starts.
 *
 * @param items      the items of this page, in order
 * @param total      how many items the whole list has
 * @param remaining  how many come after this page
 * @param nextCursor the cursor of the next page, or null on the last
 */
record ItemPage(List<DigestEntry> items, int total, int remaining, String nextCursor) {
    /** Items per page when the request names no limit. */
    static final int DEFAULT_LIMIT = 500;
    /** The most items one page may have. */
    static final int MAX_LIMIT = 2000;

    private static final String PREFIX = "after:";

    /**
     * The page of {@code ordered} after {@code after} (from the start when empty).
     *
     * @param ordered the list, sorted by {@code order}
     * @param after   the entry the cursor names, wherever it stands now
     */
    static ItemPage of(List<DigestEntry> ordered, Optional<DigestEntry> after, Comparator<DigestEntry> order, int limit) {
        int from = 0;
        if (after.isPresent()) {
            // first index whose entry comes after the cursor's: a binary search, since the list is in this order
            int lo = 0;
            int hi = ordered.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (order.compare(ordered.get(mid), after.get()) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            from = lo;
        }
        int to = Math.min(ordered.size(), from + limit);
        List<DigestEntry> items = List.copyOf(ordered.subList(from, to));
        String next = to < ordered.size() && !items.isEmpty() ? cursor(items.get(items.size() - 1).item().id()) : null;
        return new ItemPage(items, ordered.size(), ordered.size() - to, next);
    }

    /** The opaque cursor after the item with this id. */
    static String cursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The item id a cursor names.
     *
     * @throws IllegalArgumentException when the text is not a cursor this server gives
     */
    static long itemOf(String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            text = "";
        }
        if (!text.startsWith(PREFIX) || !text.substring(PREFIX.length()).matches("\\d{1,18}")) {
            throw new IllegalArgumentException("cursor \"" + abbreviated(cursor) + "\" is not one this server gave"
                    + " (pass next_cursor of the previous page as it is)");
        }
        return Long.parseLong(text.substring(PREFIX.length()));
    }

    /**
     * The limit a request asks for.
     *
     * @throws IllegalArgumentException when it is not a whole number from 1 to {@link #MAX_LIMIT}
     */
    static int limit(Optional<String> text) {
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        String t = text.get().strip();
        if (!t.matches("\\d{1,9}") || Integer.parseInt(t) < 1 || Integer.parseInt(t) > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT + ", got \""
                    + abbreviated(text.get()) + "\"");
        }
        return Integer.parseInt(t);
    }

    private static String abbreviated(String s) {
        return no.kildevakt.text.OneLine.of(s, 40);
    }
}
