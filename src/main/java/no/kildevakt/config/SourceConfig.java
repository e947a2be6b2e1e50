package no.kildevakt.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One watched source from feeds.yml.
 *
 * @param id       stable identifier ({@code [a-z0-9-]}); items and health are stored under it
 * @param name     human-readable name
 * @param url      what is fetched
 * @param type     how the response is read
 * @param section  the newsletter section its items go to
 * @param select   for {@code type: html}, CSS selectors ({@code item, title, link, date, summary, next});
 *                 empty means "detect the listing automatically". For {@code type: json}, field paths
 *                 ({@code items, title, link, date, summary}, and {@code script} naming the variable of a
 *                 page that embeds its JSON, e.g. {@code window.SERVER_DATA}). Empty for feeds.
 * @param interval how often this source is due, overriding {@code settings.interval}
 * @param weight   relevance multiplier for this source's items (1.0 when not set)
 * @param line     the line in feeds.yml where the source starts, for messages
 * @param dateFromUrl read a date embedded in item links ({@code /2024/12/06/}, {@code -2024-12-18_en},
 *                 {@code /2024/December/}) when the listing shows none
 * @param pages    how many listing pages to read, following the "next" link (1 = only the first)
 * @param enrich   fetch each new item's own page once to fill a missing date or summary
 * @param group    the heading the draft files the source's items under within its section ("UNODC",
 *                 "Rapporter fra politiet"), or empty for none: the newsletter groups its international
 *                 section by body and its Norwegian section by short topic headings
 */
public record SourceConfig(
        String id,
        String name,
        URI url,
        SourceType type,
        String section,
        Map<String, String> select,
        Optional<Duration> interval,
        double weight,
        int line,
        boolean dateFromUrl,
        int pages,
        boolean enrich,
        String group) {

    public SourceConfig {
        select = Map.copyOf(select);
        group = group == null ? "" : group.strip();
        if (pages < 1) {
            throw new IllegalArgumentException("pages must be at least 1, got " + pages);
        }
    }

    /** A source with the listing options at their defaults (no dates from URLs, one page, no enrichment). */
    public SourceConfig(String id, String name, URI url, SourceType type, String section,
            Map<String, String> select, Optional<Duration> interval, double weight, int line) {
        this(id, name, url, type, section, select, interval, weight, line, false, 1, false);
    }

    /** A source in no group of its section. */
    public SourceConfig(String id, String name, URI url, SourceType type, String section, Map<String, String> select,
            Optional<Duration> interval, double weight, int line, boolean dateFromUrl, int pages, boolean enrich) {
        this(id, name, url, type, section, select, interval, weight, line, dateFromUrl, pages, enrich, "");
    }

    /** The host whose politeness budget this source spends. */
    public String host() {
        return url.getHost();
    }
}
