package no.kildevakt.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.kildevakt.SharedCorpora;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainText}'s one-pass reading against the jsoup DOM walk it replaced ({@link DomPlainText}),
 * on what feeds really carry: every title, summary and content element of the feed corpora (as
 * escaped in the feed and as a reader gets it), and the start of the readability corpus's pages.
 */
class PlainTextCorporaTest {
    private static final Pattern TEXT_ELEMENT = Pattern.compile(
            "<((?:[a-z]+:)?(?:title|description|summary|content|encoded|subtitle|tagline|info|rights|copyright))\\b[^>]*>(.*?)</\\1>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private static Path corpora() {
        return SharedCorpora.path();
    }

    @Test
    void sameTextAsTheDomWalkOnTheFeedCorpora() throws IOException {
        Set<String> samples = new LinkedHashSet<>();
        for (String dir : List.of("feedparser", "gofeed", "feed-rs", "miniflux", "crawler-commons")) {
            Path root = corpora().resolve(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(xml|rss|atom|rdf|html|json)$")).sorted()::iterator) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                    Matcher m = TEXT_ELEMENT.matcher(text);
                    while (m.find()) {
                        String inner = m.group(2);
                        samples.add(inner);
                        if (inner.startsWith("<![CDATA[")) {
                            samples.add(inner.replace("<![CDATA[", "").replace("]]>", ""));
                        } else {
                            samples.add(Parser.unescapeEntities(inner, false));
                        }
                    }
                }
            }
        }
        compare(samples, 2500);
    }

    @Test
    void sameTextAsTheDomWalkOnRealPages() throws IOException {
        Path pages = corpora().resolve("readability").resolve("test-pages");
        Assumptions.assumeTrue(Files.isDirectory(pages), "readability corpus absent");
        Set<String> samples = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(pages)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().equals("source.html")).sorted()::iterator) {
                String html = Files.readString(f, StandardCharsets.ISO_8859_1);
                int body = html.toLowerCase(java.util.Locale.ROOT).indexOf("<body");
                String from = body < 0 ? html : html.substring(body);
                samples.add(from.substring(0, Math.min(from.length(), 16_000)));
            }
        }
        compare(samples, 100);
    }

    /** Markup at its worst: cut off, unbalanced, nested, mixed case, brackets in attributes. */
    @Test
    void sameTextAsTheDomWalkOnOddMarkup() {
        Set<String> samples = new LinkedHashSet<>(List.of(
                "a <b", "a <b class=\"x", "a <!-- b", "a <!-- b --> c", "a <!doctype html> b", "a <? x ?> b", "a </ b> c",
                "a </> b", "a <", "a </", "a <3 b", "1 < 2 > 0", "a<b>c</b>d", "<P>a</P><DIV>b</DIV>", "<SCRIPT>x</SCRIPT>y",
                "<script>a</scriptx>b</script>c", "<script>never ends", "<style>p{}</style >t", "<title>a &amp; b</title>c",
                "<textarea>&lt;b&gt;</textarea>", "<xmp>&amp;<b></xmp>", "<noscript><p>a</p><noscript>b</noscript>c</noscript>d",
                "<svg/>a", "<svg><text>x</text></svg>a", "<math><mi>x</mi></math>y", "<template><p>t</p></template>u",
                "<object><param>v</object>w", "<embed src=x>e", "<img alt=\"a>b\">c", "<a title='x>y'>z</a>", "<a href=x>y>z</a>",
                "<br/>a</br>b", "<p/>a", "<image src=x>b", "<hr>a<hr/>b", "<ul><li>a<li>b</ul>", "<dl><dt>a<dd>b</dl>",
                "<table><tr><td>a<td>b<tr><td>c</table>", "<select><option>a<option>b</select>", "a&nbsp;b&amp;c&lt;d&gt;e&#65;&#x42;",
                "&amp", "&ampx;", "a & b", "&notin; &noti", "<![CDATA[x<b>y</b>]]>z", "<![CDATA[never", "<p>a</p>\n\n<p>b</p>",
                "<span>a</span><span>b</span>", "<h1>a</h1>b", "<blockquote>a</blockquote>b", "<pre>a\n  b</pre>",
                "<head><title>t</title></head><body>b</body>", "<html><body>x</body></html>", "<iframe>i</iframe>j",
                "<noembed>n</noembed>", "<plaintext>p", "<a\nhref=x\n>y</a>", "<a href=\"x\"/>y", "<<b>>", "<b><i>x</b></i>"));
        compare(samples, 60);
    }

    /** Hostile markup is read in one linear pass: megabytes of it in well under the timeout. */
    @Test
    void hostileMarkupEndsQuickly() {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            for (String html : List.of("<noscript>".repeat(200_000) + "x", "<script>" + "</scrip".repeat(200_000),
                    "<a title=\"" + ">".repeat(1_000_000), "<".repeat(1_000_000), "</".repeat(500_000), "&".repeat(1_000_000),
                    "<!--".repeat(300_000), "<p>".repeat(300_000) + "ok", "<![CDATA[".repeat(100_000))) {
                PlainText.of(html);
            }
        });
        assertEquals("ok", PlainText.of("<p>".repeat(300_000) + "ok"));
    }

    private static void compare(Set<String> samples, int atLeast) {
        List<String> differences = new ArrayList<>();
        for (String s : samples) {
            String dom = DomPlainText.of(s);
            String scan = PlainText.of(s);
            if (!dom.equals(scan)) {
                int at = 0;
                while (at < Math.min(dom.length(), scan.length()) && dom.charAt(at) == scan.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 60);
                differences.add("input: " + abbreviate(s) + "\n   dom:  …" + abbreviate(dom.substring(from))
                        + "\n   scan: …" + abbreviate(scan.substring(Math.min(from, scan.length()))));
            }
        }
        System.out.printf("[corpus] plain text: %d samples, %d differ%n", samples.size(), differences.size());
        differences.stream().limit(15).forEach(d -> System.out.println("[corpus]   " + d));
        assertTrue(samples.size() >= atLeast, "only " + samples.size() + " samples");
        assertEquals(0, differences.size(), "differences: " + differences.size());
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
