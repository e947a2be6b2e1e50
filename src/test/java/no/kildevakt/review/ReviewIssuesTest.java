package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issues through HTTP: a decision belongs to the issue the page named; the draft API arranges one issue only. */
class ReviewIssuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ReviewFixture fixture;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        fixture = new ReviewFixture(dir, "feeds-issue.yml");
        http = new Http(fixture.start(Lang.NB));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private List<String> draftTitles(String period) throws Exception {
        Document page = Jsoup.parse(http.get("/draft?period=" + period).body());
        return page.select(".draft-entry .entry-title").eachText();
    }

    private String basis(String period) throws Exception {
        return Jsoup.parse(http.get("/draft?period=" + period).body()).selectFirst("#draft-basis").text();
    }

    @Test
    void acceptingAnEventForOneIssueDoesNotMakeItTheNextIssuesDraft() throws Exception {
        long event = fixture.id("ev-1"); // announced in January 2025, takes place in May 2025
        JsonNode item = ok(http.post("/api/items/" + event + "/decision", "{\"decision\":\"accepted\",\"period\":\"2024-Q4\"}"));
        assertEquals("accepted", item.get("status").asText());
        assertEquals(List.of("Nordisk konferanse om menneskehandel"), draftTitles("2024-Q4"));
        // 2025-Q1 has no decision of its own: its draft is still its candidates, not just the Q4 event
        assertTrue(basis("2025-Q1").contains("kandidater"), basis("2025-Q1"));
        JsonNode inQ1 = ok(http.get("/api/items?period=2025-Q1&all=1"));
        JsonNode ev = null;
        for (JsonNode i : inQ1.get("items")) {
            if (i.get("id").asLong() == event) {
                ev = i;
            }
        }
        assertEquals("new", ev.get("status").asText());
        assertEquals("2024-Q4", ev.get("earlier_issues").get(0).asText(), "the hint: taken into 2024-Q4");
        // rejecting it in 2025-Q1 leaves it in the 2024-Q4 draft
        ok(http.post("/api/items/" + event + "/decision", "{\"decision\":\"rejected\",\"period\":\"2025-Q1\"}"));
        assertEquals(List.of("Nordisk konferanse om menneskehandel"), draftTitles("2024-Q4"));
        assertFalse(draftTitles("2025-Q1").contains("Nordisk konferanse om menneskehandel"));
        // the same quarter typed as days is the same issue
        assertEquals(List.of("Nordisk konferanse om menneskehandel"), draftTitles("2024-10-01..2024-12-31"));
    }

    @Test
    void aBadPeriodIsA400NamingIt() throws Exception {
        HttpResponse<String> r = http.post("/api/items/" + fixture.id("jd-1") + "/decision", "{\"decision\":\"accepted\",\"period\":\"neste år\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("period"), r.body());
        assertEquals(400, http.post("/api/draft/move", "{\"item\":1,\"section\":\"verdt\"}").statusCode(), "arranging needs the issue");
        assertEquals(400, http.post("/api/draft/move", "{\"period\":\"2025-Q1\",\"item\":" + fixture.id("jd-1") + ",\"section\":\"nowhere\"}").statusCode());
        assertEquals(404, http.post("/api/draft/move", "{\"period\":\"2025-Q1\",\"item\":999999,\"section\":\"verdt\"}").statusCode());
        assertEquals(400, http.post("/api/draft/entries", "{\"period\":\"2025-Q1\",\"section\":\"verdt\",\"title\":\"x\",\"url\":\"javascript:alert(1)\"}").statusCode());
        assertEquals(404, http.post("/api/draft/entries/12345/delete", "{\"period\":\"2025-Q1\"}").statusCode());
        HttpResponse<String> unknown = http.post("/api/draft/order", "{\"period\":\"2025-Q1\",\"keys\":[\"item:999999\"]}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("no item with id 999999"), unknown.body());
    }

    @Test
    void theDraftApiMovesOrdersWritesAndRenamesForOneIssue() throws Exception {
        long plan = fixture.id("jd-1");
        long budget = fixture.id("jd-2");
        long un = fixture.id("un-1");
        for (long id : new long[] {plan, budget, un}) {
            ok(http.post("/api/items/" + id + "/decision", "{\"decision\":\"accepted\",\"period\":\"2025-Q1\"}"));
        }
        ok(http.post("/api/draft/move", "{\"period\":\"2025-Q1\",\"item\":" + un + ",\"section\":\"verdt\"}"));
        ok(http.post("/api/draft/order", "{\"period\":\"2025-Q1\",\"keys\":[\"item:" + budget + "\",\"item:" + plan + "\"]}"));
        JsonNode entry = ok(http.post("/api/draft/entries", "{\"period\":\"2025-Q1\",\"section\":\"norske\",\"group\":\"Regjeringen\","
                + "\"title\":\"KOM-samling i Bodø\",\"text\":\"Politiet samlet KOM-nettverket.\",\"url\":\"https://www.politiet.no/kom\",\"date\":\"2025-02-20\"}"));
        ok(http.post("/api/draft/groups", "{\"period\":\"2025-Q1\",\"section\":\"norske\",\"name\":\"Regjeringen\",\"title\":\"Fra departementene\"}"));

        Document page = Jsoup.parse(http.get("/draft?period=2025-Q1").body());
        assertEquals(List.of("Global report: menneskehandel rises"), page.select("#d-verdt .entry-title").eachText(), "Verdt å merke seg can be filled");
        assertEquals(List.of("Statsbudsjettet for 2025", "Ny handlingsplan mot menneskehandel", "KOM-samling i Bodø"),
                page.select("#d-norske .entry-title").eachText(), "the editor's order; the unordered entry follows");
        assertEquals(List.of("Fra departementene"), page.select("#d-norske h4.group-title").eachText().stream()
                .map(t -> t.replace("Gi nytt navn", "").replace("Navn på gruppen (samme navn som en annen gruppe slår dem sammen) Lagre", "").strip()).toList());
        String md = http.get("/draft.md?period=2025-Q1").body();
        assertTrue(md.indexOf("## Verdt å merke seg") < md.indexOf("## Aktuelle norske tiltak"), md);
        assertTrue(md.contains("### Fra departementene\n"), md);
        assertTrue(md.contains("#### KOM-samling i Bodø\n\nPolitiet samlet KOM-nettverket, [se her](<https://www.politiet.no/kom>)."), md);

        // none of it reaches another issue
        Document q2 = Jsoup.parse(http.get("/draft?period=2024-Q4").body());
        assertFalse(q2.text().contains("KOM-samling"), q2.text());
        assertEquals(List.of(), q2.select("#d-verdt .draft-entry").eachText());

        ok(http.post("/api/draft/entries/" + entry.get("id").asLong() + "/delete", "{\"period\":\"2025-Q1\"}"));
        assertFalse(http.get("/draft.md?period=2025-Q1").body().contains("KOM-samling"));
    }
}
