package no.kildevakt.links.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wayback Machine lookups against a local stand-in for web.archive.org. */
class ArchiveLookupTest {
    private LoopbackSites archive;
    private LinkChecker checker;

    @BeforeEach
    void start() throws IOException {
        archive = new LoopbackSites();
        checker = archive.checker();
    }

    @AfterEach
    void stop() {
        checker.close();
        archive.close();
    }

    private ArchiveLookup lookup(Duration timeout) {
        return new ArchiveLookup(checker.client(), archive.url("archive.test", "/"), timeout);
    }

    @Test
    void theLatestSnapshotIsTheRedirectTargetWhichIsNotFetched() {
        archive.route("/web/https://www.regjeringen.no/no/dokumenter/gone/id1/", LoopbackSites.redirect(302,
                "/web/20240312101500/https://www.regjeringen.no/no/dokumenter/gone/id1/"));
        Optional<String> snapshot = lookup(Duration.ofSeconds(2)).latestSnapshot("https://www.regjeringen.no/no/dokumenter/gone/id1/");
        assertEquals(Optional.of(archive.url("archive.test", "/web/20240312101500/https://www.regjeringen.no/no/dokumenter/gone/id1/")),
                snapshot);
        assertEquals(1, archive.requests.size(), "the snapshot itself is not downloaded");
        assertEquals(LoopbackSites.USER_AGENT, archive.requests.get(0).getHeaders().get("User-Agent"));
    }

    @Test
    void noSnapshotIsEmpty() {
        assertEquals(Optional.empty(), lookup(Duration.ofSeconds(2)).latestSnapshot("https://example.org/never-archived"));
    }

    @Test
    void aSlowArchiveGivesUpWithinTheTimeout() {
        archive.route("/web/https://example.org/x", new MockResponse.Builder().code(302)
                .addHeader("Location", "/web/2024/https://example.org/x").headersDelay(3, TimeUnit.SECONDS).build());
        long start = System.nanoTime();
        Optional<String> snapshot = lookup(Duration.ofMillis(400)).latestSnapshot("https://example.org/x");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Optional.empty(), snapshot);
        assertTrue(tookMillis < 2500, "took " + tookMillis + " ms");
    }

    @Test
    void aBaseThatIsNotAUrlIsRefused() {
        try {
            new ArchiveLookup(checker.client(), "web.archive.org", Duration.ofSeconds(1));
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("web.archive.org"));
            return;
        }
        throw new AssertionError("accepted a base without scheme");
    }
}
