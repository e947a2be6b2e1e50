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
 * @param select   CSS selectors for {@code type: html} ({@code item, title, link, date, summary}); empty otherwise
 * @param interval how often this source is due, overriding {@code settings.interval}
 * @param weight   relevance multiplier for this source's items (1.0 when not set)
 * @param line     the line in feeds.yml where the source starts, for messages
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
        int line) {

    public SourceConfig {
        select = Map.copyOf(select);
    }

    /** The host whose politeness budget this source spends. */
    public String host() {
        return url.getHost();
    }
}
