package no.kildevakt.read;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.item.UrlCanonicalizer;
import no.kildevakt.read.feed.FeedParser;
import no.kildevakt.read.feed.FeedReader;
import no.kildevakt.read.html.HtmlListingReader;
import no.kildevakt.read.html.ListingDetector;
import no.kildevakt.read.json.JsonReader;

/**
 * The registry of source types: which {@link SourceReader} reads which {@link SourceType}. It is the
 * one place that knows the readers, so that {@code crawl}, {@code serve} and {@code try} read a source
 * in exactly the same way, and a new source type is a new package beside {@code read.feed},
 * {@code read.html} and {@code read.json} plus one line in {@link #STANDARD}. The config learns which
 * type names feeds.yml may use from {@link #types()}.
 */
public final class SourceReaders {
    /**
     * What a reader may need besides the response it reads.
     *
     * @param fetch        fetches what a reader needs besides the source's own response (further listing pages)
     * @param eventSection whether a section id is an {@code events: true} section (its items carry event dates)
     * @param normalizer   turns the entries a reader found into items
     * @param clock        "today", for dates shown without a year
     */
    public record Context(Fetch fetch, Predicate<String> eventSection, ItemNormalizer normalizer, Clock clock) {}

    /** The source types this version reads: one line each, in the order error messages list them. */
    public static final SourceReaders STANDARD = new SourceReaders(Map.of())
            .with(SourceType.FEED, c -> new FeedReader(new FeedParser(), c.normalizer()))
            .with(SourceType.HTML, c -> new HtmlListingReader(c.fetch(), c.eventSection(), c.normalizer(),
                    new ListingDetector(), c.clock()))
            .with(SourceType.JSON, c -> new JsonReader(c.eventSection(), c.normalizer(), new UrlCanonicalizer(), c.clock()));

    private final Map<SourceType, Function<Context, SourceReader>> factories;

    private SourceReaders(Map<SourceType, Function<Context, SourceReader>> factories) {
        this.factories = factories;
    }

    /** These readers and one more (or another) for {@code type}: how a test, or a new package, adds a source type. */
    public SourceReaders with(SourceType type, Function<Context, SourceReader> factory) {
        Map<SourceType, Function<Context, SourceReader>> more = new LinkedHashMap<>(factories);
        more.put(type, factory);
        return new SourceReaders(java.util.Collections.unmodifiableMap(more));
    }

    /** The types there are readers for, in registration order: the names feeds.yml accepts. */
    public List<SourceType> types() {
        return List.copyOf(factories.keySet());
    }

    /** The standard readers for {@code config}'s sources; see {@link #readers}. */
    public static Map<SourceType, SourceReader> forConfig(Config config, Fetch fetch, Clock clock) {
        return STANDARD.readers(config, fetch, clock);
    }

    /**
     * A reader for every registered type, set up for {@code config}'s sections.
     *
     * @param config the configuration (its {@code events: true} sections), or null for none
     * @param fetch  fetches what a reader needs besides the source's own response (further listing pages)
     * @param clock  "today", for dates shown without a year
     */
    public Map<SourceType, SourceReader> readers(Config config, Fetch fetch, Clock clock) {
        Set<String> eventSections = config == null ? Set.of()
                : config.sections().stream().filter(Section::events).map(Section::id).collect(Collectors.toSet());
        Context context = new Context(fetch, eventSections::contains, new ItemNormalizer(), clock);
        Map<SourceType, SourceReader> readers = new LinkedHashMap<>();
        factories.forEach((type, factory) -> readers.put(type, factory.apply(context)));
        return readers;
    }
}
