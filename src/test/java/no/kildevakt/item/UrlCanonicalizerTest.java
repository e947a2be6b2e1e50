package no.kildevakt.item;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

    static Stream<Arguments> absoluteCases() {
        return Stream.of(
                // tracking parameters, as regjeringen.no puts them on every RSS link
                Arguments.of("https://www.regjeringen.no/no/aktuelt/ny-handlingsplan/id3050000/?utm_source=rss&utm_medium=rss",
                        "https://www.regjeringen.no/no/aktuelt/ny-handlingsplan/id3050000/"),
                Arguments.of("https://www.regjeringen.no/no/dokumenter/rapport/id1/?expand=factbox2&utm_source=rss&utm_medium=rss&utm_campaign=x",
                        "https://www.regjeringen.no/no/dokumenter/rapport/id1/?expand=factbox2"),
                Arguments.of("https://x.no/s?b=2&utm_content=c&a=1&fbclid=IwAR0", "https://x.no/s?b=2&a=1"),
                Arguments.of("https://x.no/s?UTM_Source=rss&q=1", "https://x.no/s?q=1"),
                Arguments.of("https://x.no/a?gclid=1&dclid=2&gbraid=3&wbraid=4&msclkid=5&mc_cid=6&mc_eid=7&_hsenc=8&_hsmi=9"
                        + "&igshid=10&yclid=11&_ga=12&ref_src=13&id=7", "https://x.no/a?id=7"),
                Arguments.of("https://x.no/a?utm%5Fsource=rss&id=7", "https://x.no/a?id=7"),
                Arguments.of("https://x.no/a?reference=1&utmost=2", "https://x.no/a?reference=1&utmost=2"),
                // empty query and empty parameters
                Arguments.of("https://x.no/a?", "https://x.no/a"),
                Arguments.of("https://x.no/a?&", "https://x.no/a"),
                Arguments.of("https://x.no/a?&b=1&&c&=x&d=", "https://x.no/a?b=1&c&d"),
                Arguments.of("https://x.no/a?q=c%2B%2B&r=a+b&s=%7e", "https://x.no/a?q=c%2B%2B&r=a+b&s=~"),
                // default ports
                Arguments.of("http://example.no:80/a", "http://example.no/a"),
                Arguments.of("https://example.no:443/", "https://example.no/"),
                Arguments.of("https://example.no:80/", "https://example.no:80/"),
                Arguments.of("http://example.no:8080", "http://example.no:8080/"),
                // case: scheme and host lower, path kept
                Arguments.of("HTTPS://WWW.Stortinget.NO/no/Hva-skjer/", "https://www.stortinget.no/no/Hva-skjer/"),
                // dot segments, duplicate slashes, percent-encoding
                Arguments.of("https://x.no/a/b/../c/./d", "https://x.no/a/c/d"),
                Arguments.of("https://x.no//a//b", "https://x.no/a/b"),
                Arguments.of("https://x.no/%7euser/%c3%a5r", "https://x.no/~user/%C3%A5r"),
                Arguments.of("https://x.no/år og dag", "https://x.no/%C3%A5r%20og%20dag"),
                // IDN
                Arguments.of("http://bücher.de/", "http://xn--bcher-kva.de/"),
                Arguments.of("https://Blåbær.NO/x", "https://xn--blbr-roah.no/x"),
                // surrounding junk and line breaks inside
                Arguments.of("  https://x.no/a b  ", "https://x.no/a%20b"),
                Arguments.of("\u00a0\ufeffhttps://x.no/a\u200b\n", "https://x.no/a"),
                Arguments.of("https://x.no/lang\n/sti", "https://x.no/lang/sti"),
                // in-page anchors go, identity-bearing fragments stay
                Arguments.of("https://x.no/a#section-2", "https://x.no/a"),
                Arguments.of("https://x.no/a#top", "https://x.no/a"),
                Arguments.of("https://x.no/a#", "https://x.no/a"),
                Arguments.of("https://x.no/app#!/sak/12", "https://x.no/app#!/sak/12"),
                Arguments.of("https://x.no/app#/route", "https://x.no/app#/route"),
                Arguments.of("https://x.no/doc.pdf#page=2", "https://x.no/doc.pdf#page=2"),
                Arguments.of("https://hudoc.echr.coe.int/eng#{\"itemid\":[\"001-249529\"]}",
                        "https://hudoc.echr.coe.int/eng#%7B%22itemid%22:%5B%22001-249529%22%5D%7D"),
                Arguments.of("http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a"),
                Arguments.of("https://x.no/a ?q=1", "https://x.no/a%20?q=1"),
                // forgiven like browsers do
                Arguments.of("http:/x.no/a", "http://x.no/a"),
                Arguments.of("https:\\\\x.no\\a", "https://x.no/a"),
                // user info is dropped
                Arguments.of("https://user:secret@x.no/a", "https://x.no/a"),
                Arguments.of("https://x.no./a", "https://x.no/a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absoluteCases")
    void canonicalizesAbsoluteUrls(String input, String expected) {
        assertEquals(Optional.of(expected), canonicalizer.canonicalize(input));
    }

    @Test
    void hudocRawAndPercentEncodedFragmentsAreTheSameUrl() {
        String raw = "https://hudoc.echr.coe.int/eng#{\"itemid\":[\"001-249529\"]}";
        String encoded = "https://hudoc.echr.coe.int/eng#%7B%22itemid%22%3A%5B%22001-249529%22%5D%7D";
        String browser = "https://hudoc.echr.coe.int/eng#{%22itemid%22:[%22001-249529%22]}";
        Optional<String> canonical = canonicalizer.canonicalize(raw);
        assertTrue(canonical.isPresent());
        assertEquals(canonical, canonicalizer.canonicalize(encoded));
        assertEquals(canonical, canonicalizer.canonicalize(browser));
        // different judgments stay different, and so does the other scheme
        assertTrue(!canonical.equals(canonicalizer.canonicalize(raw.replace("249529", "249530"))));
        assertTrue(!canonical.equals(canonicalizer.canonicalize(raw.replace("https:", "http:"))));
    }

    /** UTS #46 non-transitional: ß and final sigma are letters of their own, not ss and σ. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://faß.example/,      http://xn--fa-hia.example/",
        "http://FAẞ.de/,           http://xn--fa-hia.de/",
        "http://fass.de/,          http://fass.de/",
        "http://ς.gr/,             http://xn--3xa.gr/",
        "http://fa%C3%9F.de/a,     http://xn--fa-hia.de/a",
        "http://ｂüｃｈｅｒ。de/,  http://xn--bcher-kva.de/",
    })
    void hostsFollowUts46NonTransitionalProcessing(String input, String expected) {
        assertEquals(Optional.of(expected), canonicalizer.canonicalize(input));
        assertTrue(!canonicalizer.canonicalize("http://faß.de/").equals(canonicalizer.canonicalize("http://fass.de/")),
                "faß.de and fass.de are different domains");
    }

    /** RFC 3986 5.2.4: an empty segment is a segment, and "..bar" is a name, not a dot segment. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://example.com/foo/bar//..,                        http://example.com/foo/bar/",
        "http://example.com/foo/bar//../..,                     http://example.com/foo/",
        "http://example.com/../..bar,                           http://example.com/..bar",
        "http://example.com/foo/..bar,                          http://example.com/foo/..bar",
        "http://example.com/foo/%2e./%2e%2e/.%2e/%2e.bar,       http://example.com/..bar",
        "http://example.com/a/b/../../c/./d/.,                  http://example.com/c/d/",
        "http://example.com/.../x,                              http://example.com/.../x",
    })
    void dotSegmentsAreRemovedAsRfc3986Says(String input, String expected) {
        assertEquals(Optional.of(expected), canonicalizer.canonicalize(input));
    }

    static Stream<Arguments> relativeCases() {
        String base = "https://www.regjeringen.no/no/aktuelt/nyheter/id2000/index.html?page=1";
        return Stream.of(
                Arguments.of("../id3000/", base, "https://www.regjeringen.no/no/aktuelt/nyheter/id3000/"),
                Arguments.of("../../../../../x", base, "https://www.regjeringen.no/x"),
                Arguments.of("sak.html", base, "https://www.regjeringen.no/no/aktuelt/nyheter/id2000/sak.html"),
                Arguments.of("/en/", base, "https://www.regjeringen.no/en/"),
                Arguments.of("?page=2", base, "https://www.regjeringen.no/no/aktuelt/nyheter/id2000/index.html?page=2"),
                Arguments.of("//www.stortinget.no/a", base, "https://www.stortinget.no/a"),
                Arguments.of("#top", base, "https://www.regjeringen.no/no/aktuelt/nyheter/id2000/index.html?page=1"),
                Arguments.of("", base, "https://www.regjeringen.no/no/aktuelt/nyheter/id2000/index.html?page=1"),
                Arguments.of("a b/c d.html", base, "https://www.regjeringen.no/no/aktuelt/nyheter/id2000/a%20b/c%20d.html"),
                Arguments.of("..\\up", base, "https://www.regjeringen.no/no/aktuelt/nyheter/up"),
                Arguments.of("x", "https://example.no", "https://example.no/x"),
                Arguments.of("https://other.no/a?utm_source=x", base, "https://other.no/a"));
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("relativeCases")
    void resolvesRelativeReferences(String reference, String base, String expected) {
        assertEquals(Optional.of(expected), canonicalizer.canonicalize(reference, URI.create(base)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "mailto:post@jd.dep.no", "ftp://ftp.x.no/f", "javascript:alert(1)", "file:///etc/passwd",
            "data:text/html,<b>", "tel:+4722000000", "http://", "http:///path", "https://:80/", "http://#ref",
            "relative/path", "/absolute/path", "//x.no/scheme-relative", "?q=1", "not a url", "https://exa mple.no/",
            "https://example%2Xcom/", "http://[::1", "http://a+b.no/x", "http://a%2Bb.no/x"})
    void rejectsWhatIsNoHttpUrl(String input) {
        assertEquals(Optional.empty(), canonicalizer.canonicalize(input));
    }

    @Test
    void relativeReferenceNeedsAnHttpBase() {
        assertEquals(Optional.empty(), canonicalizer.canonicalize("a.html", URI.create("ftp://x.no/")));
        assertEquals(Optional.empty(), canonicalizer.canonicalize("a.html", URI.create("relative/base")));
        assertEquals(Optional.of("http://x.no/a.html"), canonicalizer.canonicalize("a.html", URI.create("HTTP://x.no/b")));
    }

    @Test
    void canonicalFormIsAFixedPointAndParses() {
        absoluteCases().forEach(arguments -> {
            String canonical = (String) arguments.get()[1];
            assertEquals(Optional.of(canonical), canonicalizer.canonicalize(canonical), canonical);
            assertDoesNotThrow(() -> URI.create(canonical));
        });
    }

    @Test
    void neverThrowsOnRandomGarbage() {
        Random random = new Random(20240601L);
        String alphabet = "htps:/?#&=%.[]@\\{}\"' <>|^`~:;,+!$*()aZ09\u00e5\u00f8\u0000\u007f\u00a0\u200b\ud83d\ude00\ud800x-_";
        String[] prefixes = {"", "http://", "https://", "https://x.no/", "//", "HTTP://["};
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = s.toString();
            Optional<String> result = assertDoesNotThrow(() -> canonicalizer.canonicalize(input, URI.create("https://x.no/a/b")));
            result.ifPresent(url -> {
                assertDoesNotThrow(() -> URI.create(url), input);
                assertEquals(Optional.of(url), canonicalizer.canonicalize(url), "not idempotent for " + input);
            });
        }
    }
}
