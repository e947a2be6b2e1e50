package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A round's warnings in {@code crawl} (text and --json) and in {@code sources} (text and --json). */
class CrawlWarningsCliTest {

    @TempDir
    Path dir;

    private MockWebServer server;
    private final AtomicReference<String> feed = new AtomicReference<>();
    private final AtomicReference<String> listing = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/list.html")) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                            .body(listing.get()).build();
                }
                if (!request.getUrl().encodedPath().equals("/feed.rss")) {
                    return new MockResponse.Builder().code(404).build();
                }
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .body(feed.get()).build();
            }
        });
        server.start();
        Files.writeString(dir.resolve("feeds.yml"), """
                settings:
                  contact: "test@example.org"
                  per_host_delay: 10ms
                  timeout: 2s
                  retries: 0
                sources:
                  - {id: reg, url: "%s", section: norske}
                """.formatted(server.url("/feed.rss")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String rss(boolean doctype, boolean withItem) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + (doctype ? "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n" : "")
                + "<rss version=\"2.0\"><channel><title>t</title><link>https://www.regjeringen.no/</link>"
                + (withItem ? "<item><guid>1</guid><title>Menneskehandel</title><link>https://www.regjeringen.no/1</link>"
                        + "<pubDate>Thu, 17 Sep 2026 11:00:00 +0200</pubDate></item>" : "")
                + "</channel></rss>";
    }

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("feeds.yml"), dir.resolve("k.db"), args);
    }

    @Test
    void whatTheFeedParserRecoveredFromIsNoWarning() throws IOException {
        // a DOCTYPE is cut out on every round of such a feed: warning about it would make a -q cron job mail hourly
        feed.set(rss(true, true));
        CliRun crawl = run("crawl", "--json");
        assertEquals(0, crawl.code(), crawl.err());
        JsonNode reg = crawl.json().get("sources").get(0);
        assertEquals(List.of(), strings(reg.get("warnings")));
        assertTrue(reg.get("warning").isNull());
        CliRun quiet = run("-q", "crawl", "--force");
        assertEquals(0, quiet.code());
        assertEquals("", quiet.out() + quiet.err(), "a clean round says nothing under -q");
    }

    @Test
    void aReadersWarningsAreShownByCrawlAndKeptForSources() throws IOException {
        Files.writeString(dir.resolve("feeds.yml"), """
                settings:
                  contact: "test@example.org"
                  per_host_delay: 10ms
                  timeout: 2s
                  retries: 0
                sources:
                  - {id: liste, url: "%s", type: html, section: norske, select: {item: li.sak, link: a, date: span, summary: p}}
                """.formatted(server.url("/list.html")));
        String broken = "<ul><li class=sak><a href=/1>Menneskehandel i Norge</a> <span>17.09.2026</span><p>Om saken.</p></li>"
                + "<li class=sak><span>18.09.2026</span> (ingen lenke)</li></ul>";
        listing.set(broken);
        CliRun crawl = run("crawl", "--json");
        assertEquals(0, crawl.code(), crawl.err());
        JsonNode source = crawl.json().get("sources").get(0);
        assertEquals(1, source.get("warnings").size(), source.toString());
        String warning = source.get("warnings").get(0).asText();
        assertTrue(warning.startsWith("1 of 2 items skipped"), warning);
        assertEquals("liste: " + warning, source.get("warning").asText());
        assertEquals("ok", source.get("status").asText(), "a warning is no failure");

        CliRun text = run("crawl", "--force");
        assertEquals(0, text.code());
        assertEquals("warning liste: " + warning, text.err().strip());

        CliRun sources = run("sources", "--json");
        assertEquals(0, sources.code(), sources.err());
        JsonNode state = sources.json().get("sources").get(0);
        assertEquals(List.of(warning), strings(state.get("warnings")));
        assertEquals(warning, state.get("warning").asText());
        assertTrue(state.get("last_error").isNull(), "a warning is not an error");
        assertTrue(run("sources").out().contains(warning));

        listing.set("<ul><li class=sak><a href=/1>Menneskehandel i Norge</a> <span>17.09.2026</span><p>Om saken.</p></li></ul>");
        assertEquals(List.of(), strings(run("crawl", "--force", "--json").json().get("sources").get(0).get("warnings")));
        JsonNode clean = run("sources", "--json").json().get("sources").get(0);
        assertEquals(List.of(), strings(clean.get("warnings")));
        assertTrue(clean.get("warning").isNull());
    }

    @Test
    void aSourceThatWentQuietIsAWarningInBoth() throws IOException {
        feed.set(rss(false, true));
        assertEquals(0, run("crawl").code());
        feed.set(rss(false, false));
        JsonNode reg = run("crawl", "--force", "--json").json().get("sources").get(0);
        String quiet = "yielded no items, though it has yielded up to 1 before; its layout or URL may have changed";
        assertEquals(List.of(quiet), strings(reg.get("warnings")));
        JsonNode state = run("sources", "--json").json().get("sources").get(0);
        assertEquals("quiet", state.get("health").asText());
        assertEquals(List.of(quiet), strings(state.get("warnings")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
