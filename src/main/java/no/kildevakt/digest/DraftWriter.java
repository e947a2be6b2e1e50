package no.kildevakt.digest;

import java.util.Locale;

/**
 * Writes a draft in one format. The draft's words are the newsletter's: headings from feeds.yml, the
 * editors' titles, one to three sentences ({@link Sentences#lead}), the date, and the link as "se her".
 */
public interface DraftWriter {
    String write(Draft draft);

    /** The heading of the draft: {@code Utkast til nyhetsbrev 1. januar–31. mars 2025}. */
    static String heading(Draft draft) {
        return "Utkast til nyhetsbrev " + draft.period().label();
    }

    /** The date an entry shows: the event date for an event, else the publication date. */
    static String date(DigestEntry e) {
        return e.item().eventDate() != null ? NorwegianDates.day(e.item().eventDate()) : NorwegianDates.day(e.dated());
    }

    /** A writer by its command-line name ({@code md} or {@code html}). */
    static DraftWriter of(String format) {
        return switch (format == null ? "" : format.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> new MarkdownDraft();
            case "html" -> new HtmlDraft();
            default -> throw new IllegalArgumentException("unknown format \"" + format + "\" (use md or html)");
        };
    }
}
