package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.Headers;
import no.kildevakt.SharedCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BotChallengeTest {

    static Stream<Arguments> walls() {
        return Stream.of(
                Arguments.of("Cloudflare", 403, Headers.of("Server", "cloudflare"),
                        "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"),
                Arguments.of("Cloudflare", 503, Headers.of("Server", "cloudflare"),
                        "<script>window._cf_chl_opt={cvId:'3'}</script>"),
                Arguments.of("Cloudflare", 403, Headers.of("cf-mitigated", "challenge"), ""),
                Arguments.of("Cloudflare", 200, Headers.of("cf-mitigated", "challenge"), ""),
                Arguments.of("Cloudflare", 403, Headers.of("Server", "cloudflare"),
                        "<title>Attention Required! | Cloudflare</title>"),
                Arguments.of("DataDome", 403, Headers.of("x-datadome", "protected"), "<html></html>"),
                Arguments.of("DataDome", 403, Headers.of(),
                        "<script src=\"https://ct.captcha-delivery.com/c.js\"></script>"),
                Arguments.of("PerimeterX", 403, Headers.of(), "<div id=\"px-captcha\"></div>"),
                Arguments.of("Akamai", 403, Headers.of("Server", "AkamaiGHost"),
                        "<H1>Access Denied</H1> Reference #18.1234 https://errors.edgesuite.net/18.1234"),
                Arguments.of("Imperva", 200, Headers.of(), "<iframe>Request unsuccessful. Incapsula incident ID: 1-2</iframe>"),
                Arguments.of("AWS WAF", 202, Headers.of("x-amzn-waf-action", "challenge"), ""),
                Arguments.of("Vercel", 429, Headers.of("x-vercel-mitigated", "challenge"), ""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("walls")
    void recognisesWalls(String vendor, int status, Headers headers, String body) {
        Optional<BotChallenge> found = BotChallenge.detect(status, headers, body);
        assertEquals(Optional.of(new BotChallenge(vendor)), found);
        assertEquals("bot challenge (" + vendor + ")", found.get().description());
        // the link checker hands over the body undecoded; the walls are the same walls in bytes
        assertEquals(found, BotChallenge.detect(status, headers, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(found, BotChallenge.detect(status, headers, body.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void plainRefusalIsNoChallenge() {
        assertEquals(Optional.empty(), BotChallenge.detect(403, Headers.of("Server", "nginx"), "<h1>Forbidden</h1>"));
        assertEquals(Optional.empty(), BotChallenge.detect(503, Headers.of("Server", "cloudflare"), "<h1>Down for maintenance</h1>"));
    }

    @Test
    void ordinaryCloudflarePageIsNoChallenge() {
        // Cloudflare injects this script into ordinary pages; with a 200 it proves nothing
        String page = "<html><title>News</title><script>a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js'</script>";
        assertEquals(Optional.empty(), BotChallenge.detect(200, Headers.of("Server", "cloudflare"), page));
        assertEquals(Optional.empty(), BotChallenge.detect(200, Headers.of("Server", "cloudflare"), page.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void realPagesFromTheCorpusAreNoChallenge() throws IOException {
        Path pages = SharedCorpora.path("readability", "test-pages");
        int checked = 0;
        try (Stream<Path> sources = Files.walk(pages)) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.getFileName().toString().equals("source.html"))::iterator) {
                String html = Files.readString(source, StandardCharsets.ISO_8859_1);
                assertEquals(Optional.empty(), BotChallenge.detect(200, Headers.of("Server", "cloudflare"), html),
                        source.toString());
                checked++;
            }
        }
        assertEquals(true, checked > 100, "checked " + checked + " pages");
    }
}
