package no.kildevakt.parse;

import java.time.Instant;

/**
 * One entry as the feed gave it, before normalisation. Strings may hold HTML and entities;
 * {@code link} is already resolved against xml:base, the channel link and the document URL.
 * Every field is null when the feed leaves it out.
 *
 * @param guid      RSS guid / Atom id
 * @param title     the title as written (may contain markup)
 * @param link      absolute URL of the entry's page
 * @param summary   description / summary / content, as HTML or text
 * @param published publication instant (pubDate, dc:date, published, issued)
 * @param updated   last update instant (atom:updated, dc:modified)
 */
public record FeedEntry(String guid, String title, String link, String summary, Instant published, Instant updated) {}
