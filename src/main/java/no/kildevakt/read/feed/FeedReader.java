package no.kildevakt.read.feed;

import no.kildevakt.config.SourceConfig;
import no.kildevakt.fetch.AcceptHeaders;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.SourceReadException;
import no.kildevakt.read.SourceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code type: feed} sources: RSS or Atom, parsed and normalised.
 *
 * <p>What the parser recovered from (a stripped DOCTYPE, a lying charset declaration) is logged for
 * {@code -v}, not reported as a source warning: it recurs on every round of that feed, needs nobody's
 * attention, and would make a {@code -q} cron job mail the same line every hour. Source warnings are
 * kept for what an editor should look at (no items any more, a moved feed, failed enrichment).
 */
public final class FeedReader implements SourceReader {
    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    private final FeedParser parser;
    private final ItemNormalizer normalizer;

    public FeedReader(FeedParser parser, ItemNormalizer normalizer) {
        this.parser = parser;
        this.normalizer = normalizer;
    }

    @Override
    public String accept() {
        return AcceptHeaders.FEED;
    }

    @Override
    public Reading read(SourceConfig source, FetchResponse response) throws SourceReadException {
        ParsedFeed feed;
        try {
            feed = parser.parse(response.body(), response.contentType(), response.finalUrl());
        } catch (FeedParseException e) {
            throw new SourceReadException(e.getMessage(), e);
        }
        feed.warnings().forEach(w -> log.debug("{}: recovered: {}", source.id(), w));
        return new Reading(normalizer.normalize(feed), java.util.List.of());
    }
}
