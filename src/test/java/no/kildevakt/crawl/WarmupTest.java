package no.kildevakt.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The warm-up must go the whole way (client, parser, normaliser), not stop at its first step. */
class WarmupTest {

    @Test
    void readsItsFeedToTheEndWithoutTheNetwork() {
        Warmup.http();
        assertEquals(1, Warmup.feedPath(), "the feed held in memory gives its one item");
    }
}
