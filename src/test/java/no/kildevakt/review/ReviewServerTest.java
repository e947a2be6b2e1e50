package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kildevakt.store.Decisions;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.StoredItem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route and status code of the review server, over real HTTP on a loopback port. */
class ReviewServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ReviewFixture fixture;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        fixture = new ReviewFixture(dir);
        http = new Http(fixture.start(Lang.NB));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static Document html(HttpResponse<String> response) {
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        return Jsoup.parse(response.body());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""), response.body());
        return JSON.readTree(response.body());
    }

    private static List<String> titles(Document page) {
        return page.select("article.item h3.title .open").eachText();
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.get("items").forEach(i -> ids.add(i.get("title").asText()));
        return ids;
    }

    // ---------------------------------------------------------------- the review page

    @Test
    void theReviewPageListsTheCurrentQuartersCandidatesBySectionInTheNewslettersOrderBestFirst() throws Exception {
        HttpResponse<String> response = http.get("/");
        assertEquals(200, response.statusCode());
        Document page = html(response);
        assertEquals("nb", page.selectFirst("html").attr("lang"));
        assertEquals(List.of("s-norske", "s-internasjonale", "s-arrangementer"), page.select("section.section").eachAttr("id"));
        // 2025-Q1: the budget scores 0 (below the threshold), the December report is out of the period
        assertEquals(List.of("Ny handlingsplan mot menneskehandel", ReviewFixture.HOSTILE_TITLE,
                        "Data-lenke om menneskehandel", "Global report: menneskehandel rises", "Nordisk konferanse om menneskehandel"),
                titles(page));
        Element first = page.selectFirst("article.item");
        assertEquals("https://www.regjeringen.no/no/aktuelt/handlingsplan/id1", first.selectFirst("a.open").attr("href"));
        assertEquals("_blank", first.selectFirst("a.open").attr("target"));
        assertTrue(first.selectFirst("a.open").attr("rel").contains("noopener"));
        assertEquals("10. februar 2025", first.selectFirst("time").text());
        assertEquals("2025-02-10", first.selectFirst("time").attr("datetime"));
        assertEquals("Justis- og beredskapsdepartementet", first.selectFirst(".source").text());
        assertTrue(first.selectFirst(".score").text().endsWith("20"), first.selectFirst(".score").text());
        assertEquals(List.of("menneskehandel"), first.select(".term").eachText());
        assertEquals("Ny", first.selectFirst(".status-badge").text());
        // the event shows its event date, not when it was announced
        assertEquals("Arrangement 15. mai 2025", page.selectFirst("#s-arrangementer time").text());
        // counts per section and in total
        assertEquals("3", page.selectFirst("#s-norske [data-count=total]").text());
        assertEquals("5", page.selectFirst(".toc .total [data-count=total]").text());
        assertEquals("2025-Q1", page.selectFirst("input[name=period]").val());
        assertEquals("/?period=2024-Q4", page.selectFirst(".period-nav a.step").attr("href"));
        assertEquals(http.token, page.selectFirst("meta[name=kildevakt-token]").attr("content"));
    }

    @Test
    void belowTheThresholdADividerShowsWhereItLiesAndThePageCountsTheUndecided() throws Exception {
        Document all = html(http.get("/?all=1"));
        Element divider = all.selectFirst("#s-norske p.threshold-divider");
        assertEquals("under terskelen (score under 5)", divider.text());
        assertEquals("Statsbudsjettet for 2025", divider.nextElementSibling().selectFirst("h3.title .open").text(),
                "the divider stands before the section's first item below the threshold");
        assertEquals(1, all.select("p.threshold-divider").size(), "only sections with items below it get one");
        Document candidates = html(http.get("/"));
        assertTrue(candidates.select("p.threshold-divider").isEmpty(), "without all=1 nothing lies below it");
        assertEquals("5", candidates.selectFirst(".toc .total [data-count=new]").text());
        assertTrue(candidates.selectFirst(".toc .total").text().contains("5 ubehandlet"),
                candidates.selectFirst(".toc .total").text());
    }

    @Test
    void anotherPeriodShowsItsItemsWithNorwegianDates() throws Exception {
        Document page = html(http.get("/?period=2024-Q4"));
        assertEquals(List.of("Rapport om menneskehandel menneskehandel", "Nordisk konferanse om menneskehandel"), titles(page));
        assertEquals("6. desember 2024", page.selectFirst("#s-norske time").text());
        assertEquals("1. oktober–31. desember 2024", page.selectFirst(".range").text());
        Document days = html(http.get("/?from=2024-12-01&to=2024-12-31"));
        assertEquals("2024-12-01..2024-12-31", days.selectFirst("input[name=period]").val());
        assertEquals(titles(page), titles(days));
    }

    @Test
    void theFiltersNarrowByStatusSectionSourceAndText() throws Exception {
        assertEquals(List.of("Statsbudsjettet for 2025"),
                titles(html(http.get("/?all=1&q=STATSBUDSJETTET"))), "all=1 adds items below the threshold");
        assertEquals(List.of("Ny handlingsplan mot menneskehandel"), titles(html(http.get("/?q=handlingsplan+tvangsarbeid"))));
        assertEquals(List.of(), titles(html(http.get("/?q=handlingsplan+narkotika"))));
        assertEquals(List.of("Global report: menneskehandel rises"), titles(html(http.get("/?section=internasjonale"))));
        assertEquals(List.of("Global report: menneskehandel rises"), titles(html(http.get("/?source=unodc"))));
        fixture.store.decisions().decide(fixture.id("un-1"), "accepted", null, ReviewFixture.NOW);
        Document accepted = html(http.get("/?status=accepted"));
        assertEquals(List.of("Global report: menneskehandel rises"), titles(accepted));
        assertEquals("Tatt med", accepted.selectFirst(".status-badge").text());
        assertEquals(4, titles(html(http.get("/?status=new"))).size());
        // a section filter keeps the other sections reachable in the list of sections
        Document one = html(http.get("/?section=internasjonale"));
        assertTrue(one.select(".toc a").eachAttr("href").contains("/?period=2025-Q1&section=norske"), one.select(".toc").html());
    }

    @Test
    void badFiltersAndPeriodsAre400WithAPage() throws Exception {
        for (String path : List.of("/?status=maybe", "/?q=%E2%28")) {
            HttpResponse<String> response = http.get(path);
            assertEquals(400, response.statusCode(), path);
            Document page = html(response);
            assertTrue(page.selectFirst("h1").text().contains("400"), path);
            assertEquals("", page.selectFirst("meta[name=kildevakt-token]").attr("content"), "an error page carries no token");
        }
    }

    @Test
    void aPeriodNotUnderstoodIsSaidInNorwegianOnTheDraftPageToo() throws Exception {
        HttpResponse<String> response = http.get("/draft?period=2025-Q5");
        assertEquals(400, response.statusCode());
        Document page = html(response);
        assertTrue(page.selectFirst("#period-error").text().startsWith("Forstod ikke perioden «2025-Q5»."), page.selectFirst("#period-error").text());
        assertEquals("2025-Q5", page.selectFirst("input[name=period]").val());
        assertFalse(response.body().contains("is not a period"), "no English");
    }

    @Test
    void aPeriodNotUnderstoodIsSaidInNorwegianOnTheReviewPageWhichKeepsTheTypedTextAndTheFilters() throws Exception {
        for (String typed : List.of("i fjor", "2025-Q5", "des–okt 2024")) {
            HttpResponse<String> response = http.get("/?status=new&period=" + java.net.URLEncoder.encode(typed, StandardCharsets.UTF_8));
            assertEquals(400, response.statusCode(), typed);
            Document page = html(response);
            assertEquals("Forstod ikke perioden «" + typed + "». Skriv for eksempel 2025-Q1, Q1 2025, 1. kvartal 2025, "
                    + "okt–des 2024, mars 2025 eller 2025.", page.selectFirst("#period-error").text(), typed);
            assertEquals(typed, page.selectFirst("input[name=period]").val(), "the form keeps what was typed");
            assertEquals("true", page.selectFirst("input[name=period]").attr("aria-invalid"));
            assertEquals("new", page.selectFirst("select[name=status] option[selected]").val());
            assertTrue(page.select("article.item").isEmpty(), "no items of some other period under the message");
            assertEquals(http.token, page.selectFirst("meta[name=kildevakt-token]").attr("content"), "the page still works");
            assertFalse(response.body().contains("is not a period"), "no English");
        }
        for (String path : List.of("/?from=2025-01-01", "/?from=2025-02-01&to=2025-01-01", "/?from=1.1.2025&to=2025-01-31")) {
            HttpResponse<String> response = http.get(path);
            assertEquals(400, response.statusCode(), path);
            assertTrue(html(response).selectFirst("#period-error").text().startsWith("Forstod ikke perioden"), path);
        }
    }

    @Test
    void aPeriodTypedInWordsIsUnderstoodAndWrittenBackTheShortWay() throws Exception {
        List<String> q1 = titles(html(http.get("/")));
        for (String typed : List.of("Q1 2025", "1. kvartal 2025", "jan–mar 2025", "januar-mars 2025", "2025 Q1")) {
            Document page = html(http.get("/?period=" + java.net.URLEncoder.encode(typed, StandardCharsets.UTF_8)));
            assertEquals("2025-Q1", page.selectFirst("input[name=period]").val(), typed);
            assertEquals(q1, titles(page), typed);
            assertTrue(page.select("#period-error").isEmpty());
        }
        assertEquals("2024-12", html(http.get("/?period=des+2024")).selectFirst("input[name=period]").val());
    }

    @Test
    void theStepsBetweenPeriodsKeepTheFiltersAndARangeStepsByItsLength() throws Exception {
        Document page = html(http.get("/?period=2025-Q1&section=norske&source=reg-jd&status=new&q=handlingsplan&all=1"));
        List<String> steps = page.select(".period-nav a.step").eachAttr("href");
        assertEquals(List.of("/?period=2024-Q4&section=norske&source=reg-jd&status=new&q=handlingsplan&all=1",
                "/?period=2025-Q2&section=norske&source=reg-jd&status=new&q=handlingsplan&all=1"), steps);
        Document days = html(http.get("/?from=2025-01-01&to=2025-01-10&status=accepted"));
        assertEquals(List.of("/?period=2024-12-22..2024-12-31&status=accepted", "/?period=2025-01-11..2025-01-20&status=accepted"),
                days.select(".period-nav a.step").eachAttr("href"));
    }

    @Test
    void comingEventsAreListedSoonestFirstNotByScore() throws Exception {
        fixture.crawled("events", "arrangementer", List.of(
                new no.kildevakt.item.Item("ev-late", "https://example.org/juni", null,
                        "Menneskehandel, menneskehandel og menneskehandel: sommerseminar", "Seminar.",
                        Instant.parse("2025-02-01T08:00:00Z"), null).withEventDate(java.time.LocalDate.parse("2025-06-01")),
                new no.kildevakt.item.Item("ev-soon", "https://example.org/april", null, "Frokostmøte om menneskehandel", "Møte.",
                        Instant.parse("2025-02-02T08:00:00Z"), null).withEventDate(java.time.LocalDate.parse("2025-04-01"))));
        Document page = html(http.get("/"));
        assertEquals(List.of("Frokostmøte om menneskehandel", "Nordisk konferanse om menneskehandel",
                "Menneskehandel, menneskehandel og menneskehandel: sommerseminar"),
                page.select("#s-arrangementer article.item h3.title .open").eachText(), "1 April, 15 May, 1 June");
    }

    @Test
    void theTopicChipsNameTheTopicNotItsIdOrTerm() throws Exception {
        no.kildevakt.config.Topic topic = new no.kildevakt.config.Topic("barn-kriminalitet", 10, List.of("utnytt*"), List.of(),
                "Barn utnyttet til kriminalitet");
        no.kildevakt.rank.TopicRanker ranker = new no.kildevakt.rank.TopicRanker(List.of(topic), 1, java.util.Map.of());
        fixture.crawled("reg-jd", "norske", List.of(new no.kildevakt.item.Item("barn-1", "https://www.regjeringen.no/barn", null,
                "Barn utnyttes i kriminelle nettverk", "Politiet ser at barn blir utnyttet.", Instant.parse("2025-02-03T08:00:00Z"),
                null)));
        fixture.server.close();
        Review review = new Review(fixture.config, fixture.store, new no.kildevakt.digest.Candidates(fixture.config, ranker),
                id -> null, (state, now) -> "ok", LinkReports.none(), fixture.clock);
        fixture.server = ReviewServer.start(new ServeOptions(java.net.InetAddress.getLoopbackAddress(), 0, Lang.NB,
                Optional.empty()), review);
        Document page = html(new Http(fixture.server).get("/"));
        Element card = page.selectFirst("#item-" + fixture.id("barn-1"));
        assertEquals(List.of("Barn utnyttet til kriminalitet"), card.select(".matched .term").eachText());
        assertFalse(page.select(".matched").text().contains("barn-kriminalitet"), page.select(".matched").text());
        assertFalse(page.select(".matched").text().contains("utnytt*"));
    }

    @Test
    void unknownPathsAre404AndWrongMethods405WithAllow() throws Exception {
        HttpResponse<String> missing = http.get("/nowhere");
        assertEquals(404, missing.statusCode());
        assertSecurityHeaders(missing);
        HttpResponse<String> post = http.post("/", "{}");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> getDecision = http.get("/api/items/" + fixture.id("jd-1") + "/decision");
        assertEquals(405, getDecision.statusCode());
        assertEquals("POST", getDecision.headers().firstValue("Allow").orElse(""));
        assertEquals(405, json(getDecision).get("status").asInt());
        HttpResponse<String> delete = http.send(http.request("/api/items/1").header("X-Kildevakt-Token", http.token).DELETE());
        assertEquals(405, delete.statusCode());
        assertEquals(403, http.send(http.request("/api/items/1").DELETE()).statusCode(), "the CSRF check comes first");
        HttpResponse<String> head = http.send(http.request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/draft", "/sources", "/links", "/api/items", "/static/app.js", "/nowhere", "/?period=x")) {
            assertSecurityHeaders(http.get(path));
        }
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'")) {
            assertTrue(csp.contains(directive), directive + " in " + csp);
        }
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
    }

    // ---------------------------------------------------------------- the API

    @Test
    void apiItemsListsThePeriodsCandidatesInTheItemsJsonShape() throws Exception {
        HttpResponse<String> response = http.get("/api/items?from=2025-01-01&to=2025-03-31");
        assertEquals(200, response.statusCode());
        JsonNode root = json(response);
        assertEquals(5, root.get("items").size());
        JsonNode first = root.get("items").get(0);
        for (String field : List.of("id", "source", "section", "title", "url", "published", "event_date", "summary", "score",
                "matched", "status", "sources", "published_at", "first_seen", "guid", "note", "edited_title", "edited_summary")) {
            assertTrue(first.has(field), field);
        }
        assertEquals("reg-jd", first.get("source").asText());
        assertEquals("norske", first.get("section").asText());
        assertEquals("2025-02-10", first.get("published").asText());
        assertEquals(20.0, first.get("score").asDouble());
        assertEquals("menneskehandel", first.get("matched").get(0).asText());
        assertEquals("new", first.get("status").asText());
        assertEquals(ids(root), ids(json(http.get("/api/items?period=2025-Q1"))));
        assertEquals(ids(root), ids(json(http.get("/api/items"))), "the current quarter by default");
        assertEquals(6, json(http.get("/api/items?all=1")).get("items").size());
        assertEquals(List.of(), ids(json(http.get("/api/items?status=accepted"))));
        assertEquals(400, http.get("/api/items?status=decided").statusCode());
        assertEquals(400, http.get("/api/items?to=2025-01-01").statusCode());
        assertEquals(400, json(http.get("/api/items?period=soon")).get("status").asInt());
    }

    @Test
    void apiItemByIdIs404ForUnknownOrMalformedIds() throws Exception {
        JsonNode item = json(http.get("/api/items/" + fixture.id("un-1")));
        assertEquals("unodc", item.get("source").asText());
        assertEquals(404, http.get("/api/items/999999").statusCode());
        assertEquals(404, http.get("/api/items/abc").statusCode());
        assertEquals(404, http.get("/api/items/99999999999999999999999").statusCode());
    }

    @Test
    void aDecisionIsStoredWithItsTimeAndNoteAndAnsweredWithTheItem() throws Exception {
        long id = fixture.id("jd-1");
        HttpResponse<String> response = http.post("/api/items/" + id + "/decision",
                "{\"decision\":\"accepted\",\"note\":\"Ta med øverst\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode item = json(response);
        assertEquals("accepted", item.get("status").asText());
        assertEquals("Ta med øverst", item.get("note").asText());
        StoredItem stored = fixture.stored("jd-1");
        assertEquals("accepted", stored.status().code());
        assertEquals(ReviewFixture.NOW, stored.decidedAt());
        List<Decisions.Entry> history = fixture.store.decisions().history(id);
        assertEquals(List.of(new Decisions.Entry(id, ReviewStatus.ACCEPTED, "Ta med øverst", ReviewFixture.NOW)), history);
        assertEquals(List.of("Ny handlingsplan mot menneskehandel"), ids(json(http.get("/api/items?status=accepted"))));

        // reset without a note keeps the note
        JsonNode reset = json(http.post("/api/items/" + id + "/decision", "{\"decision\":\"new\"}"));
        assertEquals("new", reset.get("status").asText());
        assertEquals("Ta med øverst", reset.get("note").asText());
        JsonNode rejected = json(http.post("/api/items/" + id + "/decision", "{\"decision\":\"rejected\",\"note\":\"\"}"));
        assertEquals("rejected", rejected.get("status").asText());
        assertTrue(rejected.get("note").isNull());
        assertEquals(3, fixture.store.decisions().history(id).size());
    }

    @Test
    void badDecisionsAreRefusedWithTheStatusThatSaysWhy() throws Exception {
        long id = fixture.id("jd-1");
        String path = "/api/items/" + id + "/decision";
        record Case(String body, int status) {}
        for (Case c : List.of(new Case("{\"decision\":\"maybe\"}", 400), new Case("{}", 400), new Case("{\"decision\":7}", 400),
                new Case("not json", 400), new Case("[1,2]", 400), new Case("", 400),
                new Case("{\"decision\":\"accepted\",\"note\":\"" + "x".repeat(Decisions.MAX_TEXT + 1) + "\"}", 400),
                new Case("{\"decision\":\"accepted\",\"note\":\"" + "x".repeat(ReviewServer.MAX_BODY) + "\"}", 413))) {
            HttpResponse<String> response = http.post(path, c.body());
            assertEquals(c.status(), response.statusCode(), c.body().length() > 60 ? c.body().substring(0, 60) : c.body());
            assertFalse(json(response).get("error").asText().isBlank());
        }
        assertEquals(404, http.post("/api/items/999999/decision", "{\"decision\":\"accepted\"}").statusCode());
        HttpResponse<String> form = http.send(http.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Kildevakt-Token", http.token).POST(HttpRequest.BodyPublishers.ofString("decision=accepted")));
        assertEquals(415, form.statusCode());
        assertEquals("new", fixture.stored("jd-1").status().code(), "nothing refused was stored");
        assertEquals(List.of(), fixture.store.decisions().history(id));
    }

    @Test
    void anEditSetsTheDraftsTitleAndSummary() throws Exception {
        long id = fixture.id("un-1");
        JsonNode item = json(http.post("/api/items/" + id + "/edit", "{\"title\":\"FNs rapport om menneskehandel\",\"summary\":\"Kort.\"}"));
        assertEquals("FNs rapport om menneskehandel", item.get("edited_title").asText());
        assertEquals("FNs rapport om menneskehandel", item.get("draft_title").asText());
        assertEquals("Global report: menneskehandel rises", item.get("title").asText());
        assertEquals("Kort.", fixture.stored("un-1").editedSummary());
        // only the title: the summary edit stays
        json(http.post("/api/items/" + id + "/edit", "{\"title\":\"Ny tittel\"}"));
        assertEquals("Kort.", fixture.stored("un-1").editedSummary());
        assertEquals("Ny tittel", fixture.stored("un-1").editedTitle());
        Document page = html(http.get("/?section=internasjonale"));
        assertEquals("Ny tittel", page.selectFirst("h3.title .open").text());
        assertEquals("Original: Global report: menneskehandel rises", page.selectFirst(".original").text());
        assertEquals(400, http.post("/api/items/" + id + "/edit", "{}").statusCode());
        assertEquals(400, http.post("/api/items/" + id + "/edit", "{\"title\":[\"x\"]}").statusCode());
        assertEquals(404, http.post("/api/items/999999/edit", "{\"title\":\"x\"}").statusCode());
    }

    // ---------------------------------------------------------------- CSRF and Host

    @Test
    void writesWithoutTheTokenOrFromAnotherOriginAre403AndChangeNothing() throws Exception {
        long id = fixture.id("jd-1");
        String path = "/api/items/" + id + "/decision";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{\"decision\":\"accepted\"}");
        List<HttpRequest.Builder> refused = List.of(
                http.request(path).header("Content-Type", "application/json").POST(body),
                http.request(path).header("Content-Type", "application/json").header("X-Kildevakt-Token", "guess").POST(body),
                http.request(path).header("Content-Type", "application/json").header("X-Kildevakt-Token", http.token)
                        .header("Origin", "http://evil.example").POST(body),
                http.request(path).header("Content-Type", "application/json").header("X-Kildevakt-Token", http.token)
                        .header("Origin", "null").POST(body),
                http.request(path).header("Content-Type", "application/json").header("X-Kildevakt-Token", http.token)
                        .header("Sec-Fetch-Site", "cross-site").POST(body),
                http.request(path).header("Content-Type", "application/json").header("X-Kildevakt-Token", http.token)
                        .header("Sec-Fetch-Site", "same-site").POST(body),
                http.request("/api/sources/unodc/crawl").POST(HttpRequest.BodyPublishers.noBody()));
        for (HttpRequest.Builder request : refused) {
            HttpResponse<String> response = http.send(request);
            assertEquals(403, response.statusCode(), response.body());
            assertSecurityHeaders(response);
        }
        assertEquals("new", fixture.stored("jd-1").status().code());
        assertEquals(List.of(), fixture.recrawled);
        // the same request from the page itself passes
        HttpResponse<String> ok = http.send(http.request(path).header("Content-Type", "application/json")
                .header("X-Kildevakt-Token", http.token).header("Origin", http.origin()).header("Sec-Fetch-Site", "same-origin")
                .POST(body));
        assertEquals(200, ok.statusCode(), ok.body());
        // behind a TLS proxy the page's origin is https on the same host
        HttpResponse<String> proxied = http.send(http.request(path).header("Content-Type", "application/json")
                .header("X-Kildevakt-Token", http.token).header("Origin", http.origin().replace("http:", "https:")).POST(body));
        assertEquals(200, proxied.statusCode(), proxied.body());
    }

    @Test
    void aForeignHostHeaderIsRefusedAgainstDnsRebinding() throws Exception {
        int port = http.base.getPort();
        assertTrue(http.rawGet("/", "evil.example:" + port).startsWith("HTTP/1.1 403"));
        assertTrue(http.rawGet("/api/items", "attacker.test").startsWith("HTTP/1.1 403"));
        assertTrue(http.rawGet("/", "localhost:" + (port + 1)).startsWith("HTTP/1.1 403"));
        assertTrue(http.rawGet("/", "localhost:" + port).startsWith("HTTP/1.1 200"));
        assertTrue(http.rawGet("/", "127.0.0.1:" + port).startsWith("HTTP/1.1 200"));
    }

    // ---------------------------------------------------------------- draft, sources, links, static

    @Test
    void theDraftHoldsTheCandidatesUntilItemsAreAcceptedThenOnlyThose() throws Exception {
        Document before = html(http.get("/draft?period=2025-Q1"));
        assertTrue(before.selectFirst("#draft-basis").text().contains("5 kandidater"), before.selectFirst("#draft-basis").text());
        assertEquals(5, before.select(".draft-entry").size());
        json(http.post("/api/items/" + fixture.id("un-1") + "/decision", "{\"decision\":\"accepted\"}"));
        json(http.post("/api/items/" + fixture.id("jd-2") + "/decision", "{\"decision\":\"accepted\"}"));
        json(http.post("/api/items/" + fixture.id("un-1") + "/edit", "{\"title\":\"FNs rapport\"}"));
        Document after = html(http.get("/draft?period=2025-Q1"));
        assertTrue(after.selectFirst("#draft-basis").text().contains("2 saker"), after.selectFirst("#draft-basis").text());
        assertEquals(List.of("Statsbudsjettet for 2025", "FNs rapport"), after.select(".draft-entry .entry-title").eachText());
        String markdown = after.selectFirst("#draft-md").val();
        assertTrue(markdown.contains("FNs rapport"), markdown);
        assertFalse(markdown.contains("Global report"), markdown);

        HttpResponse<String> md = http.get("/draft.md?period=2025-Q1");
        assertEquals(200, md.statusCode());
        assertEquals("text/markdown; charset=utf-8", md.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"utkast-2025-q1.md\"", md.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals(markdown.strip(), md.body().strip());
        HttpResponse<String> htmlFile = http.get("/draft.html?period=2025-Q1");
        assertEquals("attachment; filename=\"utkast-2025-q1.html\"", htmlFile.headers().firstValue("Content-Disposition").orElse(""));
        Document draftPage = Jsoup.parse(htmlFile.body());
        assertTrue(draftPage.text().indexOf("Statsbudsjettet for 2025") < draftPage.text().indexOf("FNs rapport"), draftPage.text());
        assertFalse(draftPage.text().contains("Global report"));
        assertEquals(List.of("https://www.regjeringen.no/no/aktuelt/budsjett/id2", "https://www.unodc.org/report-2025"),
                draftPage.select("a[href]").eachAttr("href"));
        assertEquals(400, http.get("/draft.md?period=never").statusCode());
    }

    @Test
    void theSourcesViewShowsEverySourcesHealthAndReCrawlsOne() throws Exception {
        Document page = html(http.get("/sources"));
        assertEquals(List.of("source-reg-jd", "source-unodc", "source-events", "source-hostile"), page.select("tbody tr").eachAttr("id"));
        assertEquals("ok", page.selectFirst("#source-unodc .health").text());
        assertEquals("10. mars 2025 07:00", page.selectFirst("#source-unodc td:nth-child(3)").text());

        JsonNode result = json(http.post("/api/sources/unodc/crawl", ""));
        assertEquals("ok", result.get("status").asText());
        assertEquals(2, result.get("new_items").asInt());
        assertTrue(result.get("warnings").isArray(), "the shape of an entry of crawl --json: " + result);
        assertEquals(List.of("unodc"), fixture.recrawled);
        assertEquals(404, http.post("/api/sources/nope/crawl", "").statusCode());
        fixture.recrawlAnswer.set(new Recrawler.Busy("another crawl holds the lock (pid=1)"));
        HttpResponse<String> busy = http.post("/api/sources/unodc/crawl", "");
        assertEquals(409, busy.statusCode());
        assertTrue(json(busy).get("error").asText().contains("another crawl"));
    }

    @Test
    void theLinksViewSaysWhenThereIsNoReportAndShowsTheLatestWhenThereIs() throws Exception {
        Document none = html(http.get("/links"));
        assertTrue(none.selectFirst("#links-none").text().startsWith("Ingen lenkerapport"));
        fixture.server.close();
        fixture.links = () -> Optional.of(new LinkReports.Report(Instant.parse("2025-03-01T12:00:00Z"), "nyhetsbrev-2024-4.pdf",
                List.of(new LinkReports.Link("https://gone.example/x", LinkStatus.BROKEN, 404, null, null, List.of(new LinkReports.Place("nyhetsbrev-2024-4.pdf", "page 3", "se her"))),
                        new LinkReports.Link("javascript:alert(1)", LinkStatus.ERROR, 0, null, "not http", List.of(new LinkReports.Place("nyhetsbrev-2024-4.pdf", "", ""))))));
        http = new Http(fixture.start(Lang.NB));
        Document page = html(http.get("/links"));
        assertEquals(2, page.select("tbody tr").size());
        assertEquals("https://gone.example/x", page.selectFirst("tr.link-broken a").attr("href"));
        assertEquals("død (404)", page.selectFirst("tr.link-broken .badge").text());
        assertEquals("nyhetsbrev-2024-4.pdf, side 3: «se her»", page.selectFirst("tr.link-broken .place").text());
        assertTrue(page.select("a[href^=javascript]").isEmpty());
        assertTrue(page.text().contains("Sjekket 1. mars 2025 13:00"), page.text());
    }

    @Test
    void staticFilesComeFromTheJarWithValidators() throws Exception {
        HttpResponse<String> js = http.get("/static/common.js");
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElse(""));
        assertTrue(js.body().contains("X-Kildevakt-Token"), "every page's writes carry the token through common.js");
        String etag = js.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.send(http.request("/static/common.js").header("If-None-Match", etag)).statusCode());
        for (String script : List.of("app.js", "draft.js", "sources.js")) {
            assertEquals(200, http.get("/static/" + script).statusCode(), script);
        }
        assertEquals("text/css; charset=utf-8", http.get("/static/app.css").headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, http.get("/static/nothing.js").statusCode());
        assertEquals(404, http.get("/static/..%2Fapp.js").statusCode());
        assertEquals(404, http.get("/static/../templates/head.mustache").statusCode());
        Document page = html(http.get("/"));
        assertEquals(List.of("/static/common.js", "/static/app.js"),
                page.select("script").eachAttr("src").stream().map(src -> src.replaceAll("\\?v=.*", "")).toList(), "the shared script first");
        assertNull(page.selectFirst("script:not([src])"), "no inline script: the CSP forbids it");
        assertNull(page.selectFirst("[style]"), "no inline style: the CSP forbids it");
    }

    @Test
    void englishLabelsAndDatesWithLangEn() throws Exception {
        fixture.server.close();
        http = new Http(fixture.start(Lang.EN));
        Document page = html(http.get("/?period=2024-Q4"));
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("6 December 2024", page.selectFirst("#s-norske time").text());
        assertEquals("Accept", page.selectFirst("button.accept").ownText().replace("✓", "").strip());
        assertEquals("Review", page.selectFirst("nav.main-nav a[aria-current=page]").text());
        assertTrue(page.body().attr("data-msg-forbidden").startsWith("This page is out of date"));
    }

    @Test
    void theFailuresAnEditorCanActOnAreWordedInThePagesLanguage() throws Exception {
        // the script shows these instead of the server's English for 403, 409 and a server that is gone
        org.jsoup.nodes.Element body = html(http.get("/")).body();
        assertEquals("Siden er utdatert eller åpnet fra et annet sted; last den inn på nytt", body.attr("data-msg-forbidden"));
        assertEquals("En annen henting pågår; prøv igjen om litt.", body.attr("data-msg-locked"));
        assertTrue(body.attr("data-msg-offline").startsWith("Får ikke kontakt med kildevakt"), body.attr("data-msg-offline"));
    }
}
