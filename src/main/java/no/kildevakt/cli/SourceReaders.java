package no.kildevakt.cli;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.SourceType;
import no.kildevakt.crawl.Crawler;
import no.kildevakt.crawl.FeedReader;
import no.kildevakt.crawl.SourceReader;
import no.kildevakt.html.HtmlListingReader;
import no.kildevakt.html.ListingDetector;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.item.UrlCanonicalizer;
import no.kildevakt.json.JsonReader;
import no.kildevakt.parse.FeedParser;

/**
 * The one place that knows which {@link SourceReader} reads which {@link SourceType}, so that
 * {@code crawl} and {@code try} read a source in exactly the same way.
 */
final class SourceReaders {
    private SourceReaders() {}

    /**
     * The readers for {@code config}'s sources.
     *
     * @param fetch fetches what a reader needs besides the source's own response (further listing pages)
     * @param clock "today", for dates shown without a year
     */
    static Map<SourceType, SourceReader> forConfig(Config config, Crawler.Fetch fetch, Clock clock) {
        Set<String> eventSections = config == null ? Set.of()
                : config.sections().stream().filter(Section::events).map(Section::id).collect(Collectors.toSet());
        ItemNormalizer normalizer = new ItemNormalizer();
        Map<SourceType, SourceReader> readers = new EnumMap<>(SourceType.class);
        readers.put(SourceType.FEED, new FeedReader(new FeedParser(), normalizer));
        readers.put(SourceType.HTML, new HtmlListingReader(fetch, eventSections::contains, normalizer, new ListingDetector(), clock));
        readers.put(SourceType.JSON, new JsonReader(eventSections::contains, normalizer, new UrlCanonicalizer(), clock));
        return readers;
    }
}
