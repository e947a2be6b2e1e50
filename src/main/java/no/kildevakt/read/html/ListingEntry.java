package no.kildevakt.read.html;

import java.util.Optional;
import no.kildevakt.date.PageDate;

/**
 * One item as a listing page shows it, before normalisation.
 *
 * @param title    the title text as shown (not yet cleaned)
 * @param url      the canonical absolute http(s) URL of the item's page
 * @param date     the date the listing shows (a range for events), if it shows one that could be read
 * @param dateText the text (or {@code datetime} attribute) the date was read from; empty when none was found
 * @param summary  the lead text, empty when none
 */
public record ListingEntry(String title, String url, Optional<PageDate> date, String dateText, String summary) {}
