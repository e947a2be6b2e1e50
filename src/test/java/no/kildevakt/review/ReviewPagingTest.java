package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.item.Item;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large period does not come to the browser whole: {@code /api/items} gives pages ({@code limit},
 * {@code cursor}, {@code next_cursor}) and the review page shows {@value Pages#PAGE_SIZE} cards with a
 * "show more" link to the next ones.
 */
class ReviewPagingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** More than a page of the review page's cards, all candidates of 2025-Q1. */
    private static final int BULK = Pages.PAGE_SIZE + 45;

    @TempDir
    Path dir;

    private ReviewFixture fixture;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        fixture = new ReviewFixture(dir);
        List<Item> bulk = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            bulk.add(new Item("bulk-" + i, "https://www.regjeringen.no/no/aktuelt/sak/id" + (1000 + i), null,
                    "Sak " + i + " om menneskehandel", "Sammendrag " + i + ".",
                    Instant.parse("2025-01-02T08:00:00Z").plusSeconds(3600L * i), null));
        }
        fixture.crawled("reg-jd", "norske", bulk);
        http = new Http(fixture.start(Lang.NB));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""), response.body());
        return JSON.readTree(response.body());
    }

    private static List<Long> ids(JsonNode root) {
        List<Long> ids = new ArrayList<>();
        root.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private JsonNode page(String query, String cursor) throws Exception {
        HttpResponse<String> r = http.get("/api/items?" + query
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    @Test
    void theApiGivesPagesWhoseCursorsWalkTheWholeListInOrder() throws Exception {
        JsonNode whole = page("period=2025-Q1&limit=2000", null);
        assertEquals(BULK + 5, whole.get("items").size());
        assertTrue(whole.get("next_cursor").isNull(), "one page holds it all: no next page");
        assertEquals(BULK + 5, whole.get("total").asInt());

        JsonNode first = page("period=2025-Q1&limit=100", null);
        assertEquals(100, first.get("items").size());
        assertEquals(BULK + 5 - 100, first.get("remaining").asInt());
        List<Long> walked = new ArrayList<>(ids(first));
        String cursor = first.get("next_cursor").asText();
        int pages = 1;
        while (cursor != null) {
            JsonNode next = page("period=2025-Q1&limit=100", cursor);
            walked.addAll(ids(next));
            cursor = next.get("next_cursor").isNull() ? null : next.get("next_cursor").asText();
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(ids(whole), walked, "the pages, one after another, are the whole list in its order");
    }

    @Test
    void withoutALimitAPageHasTheDefaultSize() throws Exception {
        JsonNode all = page("period=2025-Q1&all=1", null);
        assertEquals(Math.min(ItemPage.DEFAULT_LIMIT, BULK + 6), all.get("items").size());
        assertEquals(BULK + 6, all.get("total").asInt());
    }

    @Test
    void decisionsBetweenPagesSkipNothing() throws Exception {
        // an editor shows the new items, accepts the first page, then asks for more: an offset would
        // now skip as many items as were accepted
        JsonNode first = page("period=2025-Q1&status=new&limit=10", null);
        List<Long> expectedNext = ids(page("period=2025-Q1&status=new&limit=20", null)).subList(10, 20);
        for (long id : ids(first)) {
            assertEquals(200, http.post("/api/items/" + id + "/decision", "{\"decision\":\"accepted\"}").statusCode());
        }
        JsonNode second = page("period=2025-Q1&status=new&limit=10", first.get("next_cursor").asText());
        assertEquals(expectedNext, ids(second));
    }

    @Test
    void aBadLimitOrCursorIsA400WithOneLine() throws Exception {
        for (String query : List.of("limit=0", "limit=2001", "limit=ten", "limit=-5", "cursor=xyz",
                "cursor=" + ItemPage.cursor(999_999))) {
            HttpResponse<String> r = http.get("/api/items?period=2025-Q1&" + query);
            assertEquals(400, r.statusCode(), query);
            JsonNode error = json(r);
            assertEquals(400, error.get("status").asInt());
            String message = error.get("error").asText();
            assertFalse(message.isBlank() || message.contains("\n"), message);
            assertTrue(message.contains(query.startsWith("limit") ? "limit" : "cursor"), message);
        }
    }

    @Test
    void theReviewPageShowsAPageOfCardsAndALinkToTheRest() throws Exception {
        Document page = Jsoup.parse(http.get("/?period=2025-Q1").body());
        assertEquals(Pages.PAGE_SIZE, page.select("article.item").size());
        // the counts are those of the whole period, not of the cards shown
        assertEquals(String.valueOf(BULK + 5), page.selectFirst(".toc .total [data-count=total]").text());
        var more = page.selectFirst(".sections .more a[data-more]");
        assertNotNull(more, "a show-more link");
        assertEquals("Vis flere (" + (BULK + 5 - Pages.PAGE_SIZE) + " til)", more.text());

        // the link works without script: the next cards, and no further link after the last
        Document rest = Jsoup.parse(http.get(more.attr("href")).body());
        assertEquals(BULK + 5 - Pages.PAGE_SIZE, rest.select("article.item").size());
        assertNull(rest.selectFirst(".sections .more"));
        List<String> shown = new ArrayList<>(page.select("article.item").eachAttr("data-id"));
        shown.addAll(rest.select("article.item").eachAttr("data-id"));
        assertEquals(ids(page("period=2025-Q1&limit=2000", null)).stream().map(String::valueOf).toList(), shown);
    }
}
