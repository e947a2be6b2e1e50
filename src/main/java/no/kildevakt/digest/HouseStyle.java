package no.kildevakt.digest;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The text the newsletter prints for an entry, suggested in its own style: who published what and when
 * ("Kripos publiserte i oktober rapporten «…»"), then the opening of the summary. The editors' own text
 * always replaces the suggestion; the crawled summary stays one click away on the page. The link ("se
 * her") is added by the writers, so the same text serves every format.
 */
public final class HouseStyle {
    private HouseStyle() {}

    /**
     * Who published a source's items, from its name in feeds.yml: the part before the first dash
     * ("Justis- og beredskapsdepartementet – kalender" → "Justis- og beredskapsdepartementet").
     */
    public static String publisher(String sourceName) {
        if (sourceName == null) {
            return "";
        }
        String name = sourceName.strip();
        int dash = name.indexOf(" – ");
        if (dash < 0) {
            dash = name.indexOf(" - ");
        }
        return (dash > 0 ? name.substring(0, dash) : name).strip();
    }

    /** The suggested paragraph for a crawled item. */
    public static String suggest(DigestEntry e, String publisher) {
        String title = e.item().draftTitle() == null ? "" : e.item().draftTitle().strip();
        String lead = Sentences.lead(e.item().summary(), 2, 300);
        StringBuilder text = new StringBuilder();
        if (e.item().eventDate() != null) {
            text.append("«").append(title).append("» finner sted ").append(NorwegianDates.day(e.item().eventDate())).append('.');
        } else if (!publisher.isEmpty()) {
            LocalDate day = e.day();
            text.append(publisher).append(" publiserte i ").append(NorwegianDates.monthName(day)).append(' ')
                    .append(kind(title)).append("«").append(title).append("».");
        } else {
            text.append("«").append(title).append("».");
        }
        if (!lead.isEmpty()) {
            text.append(' ').append(lead);
        }
        return text.toString();
    }

    /** "rapporten ", "høringen " …: the kind of publication the title names, or "" when it names none. */
    static String kind(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (t.startsWith("høring") || t.contains("høringsnotat")) {
            return "høringen ";
        }
        if (t.startsWith("meld. st") || t.contains("stortingsmelding")) {
            return "stortingsmeldingen ";
        }
        if (t.startsWith("nou ")) {
            return "utredningen ";
        }
        if (t.contains("rapport") || t.contains("report")) {
            return "rapporten ";
        }
        if (t.contains("strategi") || t.contains("handlingsplan") || t.contains("action plan") || t.contains("strategy")) {
            return "";
        }
        return "";
    }
}
