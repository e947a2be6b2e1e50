package no.kildevakt.read.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One parser instance serves many documents and threads: a failure never poisons the next parse. */
class FeedParserReuseTest {
    private static byte[] rss(String title) {
        return ("<rss version=\"2.0\"><channel><title>" + title + "</title><link>https://a.example/</link>"
                + "<item><guid>1</guid><title>" + title + "</title><link>https://a.example/1</link></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMalformedOrTooDeepDocumentDoesNotSpoilTheNextOneOnTheSameThread() throws Exception {
        FeedParser parser = new FeedParser();
        byte[] deep = ("<rss version=\"2.0\"><channel>" + "<x>".repeat(300) + "</x>".repeat(300) + "</channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            assertThrows(FeedParseException.class, () -> parser.parse("<rss><channel><title>broken".getBytes(StandardCharsets.UTF_8), null, null));
            assertThrows(FeedParseException.class, () -> parser.parse(deep, null, null));
            assertEquals("ok " + i, parser.parse(rss("ok " + i), null, null).entries().get(0).title());
        }
    }

    @Test
    void threadsParseAtTheSameTimeWithoutSharingState() throws Exception {
        FeedParser parser = new FeedParser();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String title = "t" + i;
                results.add(pool.submit((Callable<String>) () -> parser.parse(rss(title), null, null).entries().get(0).title()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals("t" + i, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
