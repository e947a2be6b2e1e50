package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawled text is hostile: titles with {@code <script>}, summaries with {@code <img onerror>},
 * {@code javascript:} and {@code data:} URLs, a source name with markup, and an editor's own note and
 * edit with markup. On every page all of it must arrive as text, and no URL but http(s) as a link.
 */
class EscapingTest {
    @TempDir
    Path dir;

    private ReviewFixture fixture;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        fixture = new ReviewFixture(dir);
        http = new Http(fixture.start(Lang.NB));
        long evil = fixture.id("evil-1");
        // the editor's own text is escaped too
        assertEquals(200, http.post("/api/items/" + evil + "/decision",
                "{\"decision\":\"accepted\",\"note\":\"<script>alert('note')</script>\"}").statusCode());
        assertEquals(200, http.post("/api/items/" + fixture.id("evil-2") + "/decision", "{\"decision\":\"accepted\"}").statusCode());
        assertEquals(200, http.post("/api/items/" + evil + "/edit",
                "{\"summary\":\"<svg onload=alert('edit')>\"}").statusCode());
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void theReviewPageShowsHostileTextAsText() throws Exception {
        String body = http.get("/").body();
        assertNoLiveMarkup(body);
        assertTrue(body.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"), "the title is there, escaped");
        assertTrue(body.contains("&lt;b&gt;Fiendtlig&lt;/b&gt;"), "the source name is escaped");
        Document page = Jsoup.parse(body);
        Element item = page.getElementById("item-" + fixture.id("evil-1"));
        assertEquals(ReviewFixture.HOSTILE_TITLE, item.selectFirst("h3.title .open").text());
        assertEquals("span", item.selectFirst("h3.title .open").tagName(), "javascript: is not a link");
        assertEquals(ReviewFixture.HOSTILE_URL, item.selectFirst(".url-text").text());
        assertEquals("<script>alert('note')</script>", item.selectFirst(".note-text .value").text());
        assertEquals("<svg onload=alert('edit')>", item.selectFirst(".summary").text());
        assertEquals("span", page.getElementById("item-" + fixture.id("evil-2")).selectFirst("h3.title .open").tagName(),
                "data: is not a link");
        // attribute values cannot be broken out of either
        assertEquals(ReviewFixture.HOSTILE_TITLE, item.selectFirst(".edit-form input[name=title]").val());
    }

    @Test
    void theDraftPageAndItsDownloadsShowHostileTextAsText() throws Exception {
        String body = http.get("/draft").body();
        assertNoLiveMarkup(body);
        Document page = Jsoup.parse(body);
        assertEquals(List.of(ReviewFixture.HOSTILE_TITLE, "Data-lenke om menneskehandel"), page.select(".draft-entry .entry-title").eachText());

        HttpResponse<String> html = http.get("/draft.html");
        assertNoLiveMarkup(html.body());
        assertTrue(Jsoup.parse(html.body()).text().contains("<script>alert('title')</script>"), "there, as text");
        String md = http.get("/draft.md").body();
        assertFalse(md.contains("](javascript:") || md.contains("](<javascript:") || md.contains("(<data:"), md);
        assertFalse(md.contains("<script>"), "Markdown would pass raw HTML through: " + md);
    }

    @Test
    void theSourcesAndLinksPagesEscapeToo() throws Exception {
        assertNoLiveMarkup(http.get("/sources").body());
        assertNoLiveMarkup(http.get("/links").body());
        assertNoLiveMarkup(http.get("/?q=%3Cscript%3Ealert(1)%3C/script%3E").body());
        assertNoLiveMarkup(http.get("/nowhere%3Cscript%3Ealert(1)%3C%2Fscript%3E").body());
    }

    /** No script but ours, no images, frames or objects, no event handlers, no link but http(s) or our own. */
    private static void assertNoLiveMarkup(String html) {
        Document page = Jsoup.parse(html);
        for (Element script : page.select("script")) {
            // our own files only (app.js, a page's own script such as sources.js), none inline
            assertTrue(script.attr("src").matches("/static/[a-z]+\\.js\\?v=\\w+") && script.data().isBlank(), script.outerHtml());
        }
        assertEquals(List.of(), page.select("img, svg, iframe, object, embed, base, form[action^=http]").eachAttr("outerHtml"));
        for (Element e : page.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getKey().toLowerCase().startsWith("on"), e.outerHtml()));
        }
        for (Element a : page.select("[href], [src], [action]")) {
            String url = a.hasAttr("href") ? a.attr("href") : a.hasAttr("src") ? a.attr("src") : a.attr("action");
            assertTrue(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/") || url.startsWith("#"),
                    a.outerHtml());
        }
    }
}
