package no.kildevakt.digest;

import java.util.Locale;

/**
 * The words every digest format shares: the heading ({@code kildevakt: 23 nye saker 1.–31. mars 2025},
 * also the mail's subject), the line under each entry's title, and how a score is shown.
 */
public final class DigestText {
    private DigestText() {}

    /** {@code kildevakt: 23 nye saker 1.–31. mars 2025}; one item is {@code 1 ny sak}. */
    public static String heading(Digest digest) {
        int n = digest.size();
        return "kildevakt: " + n + (n == 1 ? " ny sak " : " nye saker ") + digest.period().label();
    }

    /**
     * The divider before the first entry of a section that scores below the threshold, shown only when a
     * digest lists those too ({@code --all}): recall comes first, so the editor should see where the
     * threshold cut and glance below it.
     */
    public static String divider(Digest digest) {
        return "under terskelen (score under " + score(digest.threshold().orElse(0)) + ")";
    }

    /** A score with at most one decimal ({@code 12.5}, {@code 10}). */
    public static String score(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }

    /** {@code 6. desember 2024} (for an event, the event date, prefixed {@code arrangement}). */
    public static String date(DigestEntry entry) {
        if (entry.item().eventDate() != null) {
            return "arrangement " + NorwegianDates.day(entry.item().eventDate());
        }
        return NorwegianDates.day(entry.dated());
    }

    /** Why an entry scored: {@code score 12.5 (menneskehandel, tvangsarbeid)}. */
    public static String why(DigestEntry entry) {
        String matched = entry.matched().isEmpty() ? "" : " (" + String.join(", ", entry.matched()) + ")";
        return "score " + score(entry.score().value()) + matched;
    }

}
