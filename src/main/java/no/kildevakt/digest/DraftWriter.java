package no.kildevakt.digest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes a draft in one format. The draft's words are the newsletter's: headings from feeds.yml, the
 * editors' titles, one to three sentences ({@link Sentences#lead}), the date, and the link as "se her".
 */
public interface DraftWriter extends DraftDocument {
    String write(Draft draft);

    /** The text in UTF-8, as it is saved and served. */
    @Override
    default byte[] bytes(Draft draft) {
        return write(draft).getBytes(StandardCharsets.UTF_8);
    }

    /** The heading of the draft: {@code Utkast til nyhetsbrev oktober–desember 2024}. */
    static String heading(Draft draft) {
        return "Utkast til nyhetsbrev " + NorwegianDates.months(draft.period().firstDay(), draft.period().lastDay());
    }

    /** The date an entry shows: the event date for an event, else the publication date; "" when unknown. */
    static String date(Draft.DraftEntry e) {
        return e.day() == null ? "" : NorwegianDates.day(e.day());
    }

    /**
     * The entry's paragraph as the newsletter ends it when it has a link: "…rapporten «X», se her." The text's
     * own final full stop gives way to ", se her."; without a link the text ends in a full stop. The caller
     * links "se her"; this gives the text before it.
     */
    static String beforeLink(String text) {
        String t = text == null ? "" : text.strip();
        return t.endsWith(".") && !t.endsWith("..") ? t.substring(0, t.length() - 1) : t;
    }

    /**
     * A text writer by its command-line name ({@code md} or {@code html}); {@link DraftDocument#of} also
     * knows Word's, which is no text.
     */
    static DraftWriter of(String format) {
        return switch (format == null ? "" : format.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> new MarkdownDraft();
            case "html" -> new HtmlDraft();
            default -> throw new IllegalArgumentException("unknown format \"" + format + "\" (use md or html)");
        };
    }
}
