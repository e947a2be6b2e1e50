package no.kildevakt.date;

import java.time.ZoneId;

/**
 * The newsletter's time zone, the one place it is named. Its editors, readers and most sources are
 * Norwegian, so a day is Oslo's day everywhere: a date a page gives without a zone, the days and
 * quarters of a digest period, and every date kildevakt shows (instants are stored in UTC).
 */
public final class Oslo {
    /** Europe/Oslo: CET in winter, CEST in summer. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private Oslo() {}
}
