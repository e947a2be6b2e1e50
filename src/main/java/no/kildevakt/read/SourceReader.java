package no.kildevakt.read;

import java.util.List;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.fetch.AcceptHeaders;
import no.kildevakt.fetch.FetchRequest;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.item.Item;

/**
 * Turns a fetched response into items, for one {@link no.kildevakt.config.SourceType}.
 * Each source type has its own reader, in its own package under {@code read}, registered in
 * {@link SourceReaders}, so adding a type never touches the crawl loop. A reader finds the
 * {@link no.kildevakt.item.Entry entries} of its document and hands them to
 * {@link no.kildevakt.item.ItemNormalizer}, so items are made in one way whatever the type.
 */
public interface SourceReader {
    /**
     * @throws SourceReadException when the response is not what the source's type promised;
     *         the message is one line saying what was found instead
     */
    Reading read(SourceConfig source, FetchResponse response) throws SourceReadException;

    /**
     * The Accept header the source is fetched with: the media types this reader reads, most wanted
     * first, ending in a catch-all ({@link AcceptHeaders}). Any type by default.
     */
    default String accept() {
        return FetchRequest.ANY;
    }

    /**
     * What a reader made of a response.
     *
     * @param items    normalised items, in document order
     * @param warnings things that were recovered from, one line each
     */
    record Reading(List<Item> items, List<String> warnings) {
        public Reading {
            items = List.copyOf(items);
            warnings = List.copyOf(warnings);
        }
    }
}
