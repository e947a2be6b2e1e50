package no.kildevakt.item;

import java.util.List;
import no.kildevakt.parse.ParsedFeed;

/**
 * Turns parsed entries into {@link Item}s: canonical URLs, plain text, dedupe keys.
 */
public final class ItemNormalizer {
    /** Normalises every usable entry; entries with neither link nor title are dropped. */
    public List<Item> normalize(ParsedFeed feed) {
        throw new UnsupportedOperationException("TODO");
    }
}
