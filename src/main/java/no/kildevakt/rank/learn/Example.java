package no.kildevakt.rank.learn;

import java.time.LocalDate;

/**
 * One labelled example the ranking learns from: an editor's latest accept or reject of an item, or an
 * entry of a past issue (accepted: the newsletter wrote about it).
 *
 * @param title     the item's or entry's title (may be blank when the summary says it all)
 * @param summary   its summary or paragraph; may be null
 * @param source    the source id, or null (past-issue entries have none)
 * @param section   the section, or null
 * @param date      when it was decided or the period began; may be null
 * @param accepted  true for accepted (or cited), false for rejected
 * @param precedent how a card names it, e.g. "tatt med 12.10.2024" or "i nummer 2024-Q3"; may be null
 */
public record Example(String title, String summary, String source, String section, LocalDate date,
        boolean accepted, String precedent) {

    /** Title and summary, the text that is compared. */
    String text() {
        String t = title == null ? "" : title;
        return summary == null || summary.isBlank() ? t : t + "\n" + summary;
    }
}
