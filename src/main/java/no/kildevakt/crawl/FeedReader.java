package no.kildevakt.crawl;

import no.kildevakt.config.SourceConfig;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.parse.FeedParseException;
import no.kildevakt.parse.FeedParser;
import no.kildevakt.parse.ParsedFeed;

/** Reads {@code type: feed} sources: RSS or Atom, parsed and normalised. */
public final class FeedReader implements SourceReader {
    private final FeedParser parser;
    private final ItemNormalizer normalizer;

    public FeedReader(FeedParser parser, ItemNormalizer normalizer) {
        this.parser = parser;
        this.normalizer = normalizer;
    }

    @Override
    public Reading read(SourceConfig source, FetchResponse response) throws SourceReadException {
        ParsedFeed feed;
        try {
            feed = parser.parse(response.body(), response.contentType(), response.finalUrl());
        } catch (FeedParseException e) {
            throw new SourceReadException(e.getMessage(), e);
        }
        return new Reading(normalizer.normalize(feed), feed.warnings());
    }
}
