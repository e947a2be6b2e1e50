package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy as the environment names it, or feeds.yml: said by validate, used by every command, refused in one line when malformed. */
class ProxyCliTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--config";
        all[1] = dir.resolve("feeds.yml").toString();
        all[2] = "--db";
        all[3] = dir.resolve("k.db").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRun.raw(env, false, all);
    }

    private void feedsYml(String settings) throws Exception {
        Files.writeString(dir.resolve("feeds.yml"), (settings.isEmpty() ? "" : "settings:\n  " + settings + "\n")
                + "sources:\n  - {id: reg, url: \"https://www.regjeringen.no/no/rss/Rss/2581966/\", section: norske}\n");
    }

    @Test
    void validateSaysWhichProxyIsUsedAndFromWhere() throws Exception {
        feedsYml("");
        CliRun plain = run(Map.of(), "validate");
        assertEquals(0, plain.code(), plain.err());
        assertEquals(1, plain.out().lines().count(), "nothing about proxies when none is set: " + plain.out());

        CliRun env = run(Map.of("https_proxy", "http://bruker:hemmelig@proxy.example.no:3128", "no_proxy", "intranett"), "validate");
        assertEquals(0, env.code(), env.err());
        assertTrue(env.out().endsWith("proxy: https http://bruker:***@proxy.example.no:3128, http direct (https_proxy), not for intranett\n"),
                env.out());

        feedsYml("proxy: http://proxy.example.no:8080");
        CliRun yml = run(Map.of("https_proxy", "http://other:1"), "validate");
        assertTrue(yml.out().endsWith("proxy: http://proxy.example.no:8080 (feeds.yml settings.proxy)\n"), "feeds.yml wins: " + yml.out());
    }

    @Test
    void aMalformedProxyVariableIsOneLineAndExitTwoUnlessFeedsYmlSaysNone() throws Exception {
        feedsYml("");
        CliRun bad = run(Map.of("HTTPS_PROXY", "https://proxy.example.no:3129"), "validate");
        assertEquals(Main.USAGE, bad.code());
        assertEquals("kildevakt: https_proxy: \"https://proxy.example.no:3129\": a proxy spoken to over TLS (https://) is not supported;"
                + " use http://host:port or socks5://host:port\n", bad.err());

        no.kildevakt.store.Store.open(dir.resolve("k.db")).close();
        CliRun offline = run(Map.of("HTTPS_PROXY", "https://proxy.example.no:3129"), "items", "--json");
        assertEquals(0, offline.code(), "a command that does not go online never reads the proxy: " + offline.err());
        CliRun online = run(Map.of("HTTPS_PROXY", "https://proxy.example.no:3129"), "try", "https://example.org/feed");
        assertEquals(Main.USAGE, online.code());
        assertTrue(online.err().startsWith("kildevakt: https_proxy: "), online.err());

        feedsYml("proxy: none");
        CliRun none = run(Map.of("HTTPS_PROXY", "https://proxy.example.no:3129"), "validate");
        assertEquals(0, none.code(), none.err());
        assertTrue(none.out().endsWith("proxy: none (feeds.yml settings.proxy)\n"), none.out());
    }

    /** A proxy that does not answer makes every source unreachable: the summary names the proxy, the first suspect. */
    @Test
    void aCrawlWhoseProxyIsDownSaysSoInItsSummary() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        StringBuilder yml = new StringBuilder("settings: {per_host_delay: 0ms, timeout: 2s, retries: 0}\nsources:\n");
        for (String host : java.util.List.of("a", "b", "c", "d")) {
            yml.append("  - {id: ").append(host).append(", url: \"http://").append(host).append(".example/feed\", section: norske}\n");
        }
        Files.writeString(dir.resolve("feeds.yml"), yml);
        CliRun crawl = run(Map.of("all_proxy", "127.0.0.1:" + closed), "crawl");
        assertEquals(1, crawl.code(), crawl.err());
        assertTrue(crawl.err().contains("network looks down: 4 of 4 sources could not be reached through the proxy http://127.0.0.1:"
                + closed + " (all_proxy); they are not counted as failing"), crawl.err());
    }

    /** check-links without a feeds.yml still goes through http_proxy, and the proxy resolves the cited host. */
    @Test
    void checkLinksGoesThroughTheEnvironmentsProxy() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
                    .body("<html><head><title>Rapport</title></head><body><h1>Rapport</h1></body></html>").build());
            proxy.start();
            Path issue = Files.writeString(dir.resolve("utgave.md"), "[Rapport](http://nyheter.example/rapport)\n");
            CliRun run = CliRun.raw(Map.of("http_proxy", proxy.getHostName() + ":" + proxy.getPort()), false,
                    "--config", dir.resolve("none.yml").toString(), "--db", dir.resolve("k.db").toString(),
                    "check-links", issue.toString(), "--format", "csv");
            assertEquals(0, run.code(), run.err() + run.out());
            RecordedRequest request = proxy.takeRequest(1, TimeUnit.SECONDS);
            assertEquals("GET http://nyheter.example/rapport HTTP/1.1", request.getRequestLine());
            assertTrue(run.out().contains("ok,http://nyheter.example/rapport"), run.out());
        }
    }
}
