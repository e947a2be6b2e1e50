package no.kildevakt.date;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Month names and abbreviations in the languages the sources write in: Norwegian (bokmål and
 * nynorsk spell the months alike), Swedish, Danish and English — the one table of them, for the
 * text of pages ({@link DateText}) and of feeds ({@link FeedDates}). Pages are read by exact words
 * only, never prefixes, so that a word that merely starts like a month ("mart", "decent") is not one;
 * a feed's date field holds a date and nothing else, so there any start of a name will do.
 */
final class MonthNames {
    private static final Map<String, Integer> BY_NAME = build();
    /**
     * Every start of three letters or more of every name, with its month, so that {@link #startedBy}
     * is one lookup: asking each name in turn was 1% of a first crawl's CPU, a date or two per item.
     */
    private static final Map<String, Integer> BY_START = starts();

    /** A regex alternation of every name, longest first so that "september" wins over "sep". */
    static final String ALTERNATION = BY_NAME.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .collect(Collectors.joining("|"));

    private MonthNames() {}

    private static Map<String, Integer> build() {
        String[][] names = {
            {"january", "januar", "januari", "jan"},
            {"february", "februar", "februari", "feb", "febr"},
            {"march", "mars", "marts", "mar"},
            {"april", "apr"},
            {"may", "mai", "maj"},
            {"june", "juni", "jun"},
            {"july", "juli", "jul"},
            {"august", "augusti", "aug"},
            {"september", "sep", "sept"},
            {"october", "oktober", "oct", "okt"},
            {"november", "nov"},
            {"december", "desember", "dec", "des"},
        };
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                map.put(name, i + 1);
            }
        }
        return Map.copyOf(map);
    }

    /** Every name and abbreviation in the table, lower case. */
    static Set<String> names() {
        return BY_NAME.keySet();
    }

    private static Map<String, Integer> starts() {
        Map<String, Integer> starts = new HashMap<>();
        BY_NAME.forEach((name, month) -> {
            for (int end = 3; end <= name.length(); end++) {
                Integer before = starts.put(name.substring(0, end), month);
                if (before != null && !before.equals(month)) {
                    throw new IllegalStateException("\"" + name.substring(0, end) + "\" starts the names of two months");
                }
            }
        });
        return Map.copyOf(starts);
    }

    /** The month (1–12) {@code word} names, in any case; empty when it names none. */
    static Optional<Integer> month(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return Optional.ofNullable(BY_NAME.get(lower));
    }

    /**
     * The month (1–12) a name in the table starts with {@code word}, in any case ("sep", "sept", "septem",
     * "okt", "desemb"); empty when none does. Three letters at least are needed to tell the months apart,
     * and no three letters start names of two months.
     */
    static Optional<Integer> startedBy(String word) {
        if (word == null || word.length() < 3) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_START.get(word.toLowerCase(Locale.ROOT)));
    }
}
