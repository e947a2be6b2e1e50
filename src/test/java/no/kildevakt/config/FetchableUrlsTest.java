package no.kildevakt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Asking OkHttp once per authority decides as asking it about every whole URL would. */
class FetchableUrlsTest {
    private static final String LONG_LABEL = "a".repeat(64);
    private static final List<String> AUTHORITIES = List.of(
            "www.regjeringen.no", "WWW.Regjeringen.NO", "example.org:8443", "example.org:0", "example.org:65535",
            "127.0.0.2:8765", "[::1]:8080", "[2001:db8::1]", "user:pass@example.org", "xn--bcher-kva.example",
            LONG_LABEL + ".example.org", ("abcdefghi." .repeat(26)) + "no", "a-b.c-d.example", "1.2.3.4.5");
    private static final String REST_CHARS = "abcXYZ019-._~!$&'()*+,;=:@/?%";

    @Test
    void decidesAsOkHttpDoesOnWholeUrls() throws URISyntaxException {
        Random random = new Random(13);
        FetchableUrls fetchable = new FetchableUrls();
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 5_000; i++) {
            String text = (random.nextBoolean() ? "https" : "HTTP") + "://"
                    + AUTHORITIES.get(random.nextInt(AUTHORITIES.size())) + rest(random);
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                continue; // the config reader refuses these before asking
            }
            if (uri.getHost() == null) {
                continue;
            }
            boolean whole = HttpUrl.parse(text) != null;
            assertEquals(whole, fetchable.accepts(uri), text);
            if (whole) {
                accepted++;
            } else {
                refused++;
            }
        }
        assertTrue(accepted > 1_000 && refused > 500, accepted + " accepted, " + refused + " refused");
    }

    @Test
    void namesWhatOkHttpRefuses() throws URISyntaxException {
        FetchableUrls fetchable = new FetchableUrls();
        assertFalse(fetchable.accepts(new URI("https://example.org:0/feed")));
        assertFalse(fetchable.accepts(new URI("https://" + LONG_LABEL + ".example.org/feed")));
        assertTrue(fetchable.accepts(new URI("https://example.org/feed?a=%7C&b=|".replace("|", "%7C"))));
    }

    /** A path, query and fragment of characters java.net.URI allows, percent escapes among them. */
    private static String rest(Random random) {
        StringBuilder rest = new StringBuilder(random.nextInt(4) == 0 ? "" : "/");
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            char c = REST_CHARS.charAt(random.nextInt(REST_CHARS.length()));
            if (c == '%') {
                rest.append('%').append("0123456789ABCDEF".charAt(random.nextInt(16))).append("0123456789abcdef".charAt(random.nextInt(16)));
            } else {
                rest.append(c);
            }
        }
        if (random.nextInt(5) == 0) {
            rest.append('#').append("frag").append(random.nextInt(100));
        }
        return rest.toString();
    }
}
