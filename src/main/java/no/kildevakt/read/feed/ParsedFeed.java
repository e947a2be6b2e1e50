package no.kildevakt.read.feed;

import java.util.List;
import no.kildevakt.item.Entries;
import no.kildevakt.item.Entry;

/**
 * A parsed feed document; its channel link and entries are what {@code ItemNormalizer} makes items of.
 *
 * @param format   the dialect, e.g. {@code rss_2.0}, {@code rss_1.0}, {@code atom_1.0}
 * @param title    the channel title, or null
 * @param link     the channel's home page (absolute), or null
 * @param charset  the charset the bytes were decoded with, and why, e.g. {@code windows-1252 (HTTP header)}
 * @param entries  the entries in document order
 * @param warnings what was recovered from (a lying XML prolog, a stripped DOCTYPE ...)
 */
public record ParsedFeed(String format, String title, String link, String charset, List<Entry> entries, List<String> warnings)
        implements Entries {
    public ParsedFeed {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
