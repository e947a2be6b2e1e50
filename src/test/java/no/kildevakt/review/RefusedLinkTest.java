package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import no.kildevakt.digest.WebLinks;
import no.kildevakt.item.Item;
import no.kildevakt.item.ItemNormalizer;
import no.kildevakt.read.feed.FeedParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An item whose link a reader refused ({@code javascript:}, {@code data:}, {@code vbscript:}) has no
 * link anywhere the editors look, and is not passed off as the feed's home page: a link there would
 * look like the item's own and lead somewhere else.
 */
class RefusedLinkTest {
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel>
              <title>Fiendtlig kilde</title>
              <link>https://evil.example/</link>
              <item>
                <title>Menneskehandel bak en skriptlenke</title>
                <link>javascript:alert(1)</link>
                <guid isPermaLink="false">evil-js-1</guid>
                <description>Om menneskehandel.</description>
                <pubDate>Mon, 03 Feb 2025 08:00:00 GMT</pubDate>
              </item>
              <item>
                <title>Menneskehandel bak en vbscript-lenke</title>
                <link>vbscript:msgbox(1)</link>
                <pubDate>Tue, 04 Feb 2025 08:00:00 GMT</pubDate>
              </item>
            </channel></rss>
            """;

    @TempDir
    Path dir;

    @Test
    void anItemWhoseLinkWasRefusedHasNoLinkAndIsNotTheFeedsHomePage() throws Exception {
        var feed = new FeedParser().parse(FEED.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                URI.create("https://evil.example/feed.xml"));
        List<Item> items = new ItemNormalizer().normalize(feed);
        assertEquals(2, items.size(), "kept, without a link: keyed by guid, or by title and source");
        for (Item item : items) {
            assertFalse(item.url().startsWith("https://evil.example"), item.url());
            assertTrue(WebLinks.safe(item.url()).isEmpty(), item.url());
            assertFalse(item.urlIdentifiesItem());
        }

        try (ReviewFixture fixture = new ReviewFixture(dir)) {
            fixture.crawled("hostile", "norske", items);
            fixture.start(Lang.NB);
            Http http = new Http(fixture.server);
            Document page = Jsoup.parse(http.get("/?period=2025-Q1").body());
            for (String title : List.of("Menneskehandel bak en skriptlenke", "Menneskehandel bak en vbscript-lenke")) {
                Element card = page.select("article.item").stream()
                        .filter(a -> a.select("h3.title").text().equals(title)).findFirst().orElseThrow(() -> new AssertionError(title));
                assertTrue(card.select("h3.title a[href]").isEmpty(), card.outerHtml());
                assertTrue(card.select("a[href^=https://evil.example]").isEmpty(), card.outerHtml());
            }
            String draft = http.get("/draft.md?period=2025-Q1").body() + http.get("/draft.html?period=2025-Q1").body();
            assertTrue(draft.contains("Menneskehandel bak en skriptlenke"), draft);
            assertFalse(draft.contains("evil.example"), draft);
            assertFalse(draft.contains("javascript:"), draft);
        }
    }
}
