package no.kildevakt.links.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Finds which of a fixed list of phrases a text contains, in one pass over the text (Aho–Corasick):
 * {@link SoftNotFound} looks for some ninety phrases in the start of every checked page, and asking
 * {@code text.contains(phrase)} ninety times was a fifth of a link check's CPU.
 *
 * <p>Answers exactly as the loop it replaces: of the phrases the text contains, the one listed first.
 * Immutable and thread-safe.
 */
final class PhraseMatcher {
    private final List<String> phrases;
    /** Per state, the characters it has an edge for (sorted) and where each leads. */
    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    /** Per state, the longest proper suffix of its path that is also a state. */
    private final int[] fail;
    /** Per state, the lowest index of a phrase ending here (itself or a suffix), or {@link Integer#MAX_VALUE}. */
    private final int[] firstPhrase;
    /** Where an ASCII character leads from the start state: most of a text is read there. */
    private final int[] fromStart = new int[128];

    PhraseMatcher(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        // the trie, with growable edge lists
        List<StringBuilder> chars = new ArrayList<>();
        List<List<Integer>> targets = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        chars.add(new StringBuilder());
        targets.add(new ArrayList<>());
        ends.add(Integer.MAX_VALUE);
        for (int p = 0; p < this.phrases.size(); p++) {
            String phrase = this.phrases.get(p);
            int state = 0;
            for (int i = 0; i < phrase.length(); i++) {
                char c = phrase.charAt(i);
                int at = chars.get(state).indexOf(String.valueOf(c));
                if (at >= 0) {
                    state = targets.get(state).get(at);
                } else {
                    int next = chars.size();
                    chars.add(new StringBuilder());
                    targets.add(new ArrayList<>());
                    ends.add(Integer.MAX_VALUE);
                    chars.get(state).append(c);
                    targets.get(state).add(next);
                    state = next;
                }
            }
            ends.set(state, Math.min(ends.get(state), p));
        }
        int n = chars.size();
        edgeChars = new char[n][];
        edgeTargets = new int[n][];
        for (int s = 0; s < n; s++) {
            char[] cs = chars.get(s).toString().toCharArray();
            Integer[] order = new Integer[cs.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Character.compare(cs[a], cs[b]));
            edgeChars[s] = new char[cs.length];
            edgeTargets[s] = new int[cs.length];
            for (int k = 0; k < order.length; k++) {
                edgeChars[s][k] = cs[order[k]];
                edgeTargets[s][k] = targets.get(s).get(order[k]);
            }
        }
        // failure links breadth first, so a state's fail is settled before its children's
        fail = new int[n];
        firstPhrase = new int[n];
        firstPhrase[0] = ends.get(0);
        Deque<Integer> queue = new ArrayDeque<>();
        for (int child : edgeTargets[0]) {
            fail[child] = 0;
            firstPhrase[child] = ends.get(child);
            queue.add(child);
        }
        for (char c = 0; c < fromStart.length; c++) {
            fromStart[c] = Math.max(0, edge(0, c));
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int k = 0; k < edgeChars[s].length; k++) {
                char c = edgeChars[s][k];
                int child = edgeTargets[s][k];
                int f = fail[s];
                while (f != 0 && edge(f, c) < 0) {
                    f = fail[f];
                }
                int via = edge(f, c);
                fail[child] = via >= 0 && via != child ? via : 0;
                firstPhrase[child] = Math.min(ends.get(child), firstPhrase[fail[child]]);
                queue.add(child);
            }
        }
    }

    /** The first listed phrase that {@code text} contains, or empty. */
    Optional<String> firstIn(CharSequence text) {
        int best = Integer.MAX_VALUE;
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next = state == 0 && c < 128 ? fromStart[c] : edge(state, c);
            while (next < 0 && state != 0) {
                state = fail[state];
                next = state == 0 && c < 128 ? fromStart[c] : edge(state, c);
            }
            state = Math.max(next, 0);
            if (firstPhrase[state] < best) {
                best = firstPhrase[state];
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(phrases.get(best));
    }

    /** The state {@code c} leads to from {@code state}, or -1. */
    private int edge(int state, char c) {
        char[] cs = edgeChars[state];
        int at = Arrays.binarySearch(cs, c);
        return at >= 0 ? edgeTargets[state][at] : -1;
    }
}
