package no.kildevakt.links.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.links.CheckedLink;
import no.kildevakt.links.LinkReport;
import no.kildevakt.links.check.LinkResult;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.links.extract.LinkOccurrence;
import no.kildevakt.store.LinkRecords.LinkCheck;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Every report format, with hostile text from documents and servers in it. */
class ReportFormatsTest {
    private static final Instant NOW = Instant.parse("2025-03-05T08:00:00Z");
    private static final String HOSTILE = "<script>alert(1)</script> \"quoted\", =HYPERLINK(\"http://evil\") [x](javascript:alert(1)) \u001b[31m";

    private static LinkReport report() {
        LinkCheck deadHistory = new LinkCheck("https://gone.example/rapport", LinkStatus.BROKEN, 404, null, "HTTP 404 Not Found", NOW,
                Instant.parse("2025-01-01T08:00:00Z"), Instant.parse("2025-03-02T08:00:00Z"), Instant.parse("2025-03-01T08:00:00Z"), 3, 5, 3);
        List<CheckedLink> links = new ArrayList<>();
        links.add(new CheckedLink(new LinkResult("https://gone.example/rapport", LinkStatus.BROKEN, 404, null, "HTTP 404 Not Found", 1, NOW, false),
                List.of(new LinkOccurrence("https://gone.example/rapport#s2", "issues/2024-4.pdf", "page 3", HOSTILE),
                        new LinkOccurrence("https://gone.example/rapport", "issues/2025-1.md", "line 12", "")),
                deadHistory, "https://web.archive.org/web/20240101000000/https://gone.example/rapport"));
        links.add(new CheckedLink(new LinkResult("https://wall.example/", LinkStatus.BLOCKED, 403, null,
                "bot challenge (Cloudflare), HTTP 403 Forbidden", 1, NOW, false),
                List.of(new LinkOccurrence("https://wall.example/", "issues/2024-4.pdf", "page 1", "Wall")), null, null));
        links.add(new CheckedLink(new LinkResult("https://old.example/a", LinkStatus.REDIRECT, 200, "https://new.example/a",
                "moved permanently to https://new.example/a", 2, NOW, false),
                List.of(new LinkOccurrence("https://old.example/a", "issues/2024-4.pdf", "page 2", "Moved")), null, null));
        links.add(new CheckedLink(new LinkResult("https://ok.example/", LinkStatus.OK, 200, null, null, 0, NOW.minusSeconds(3600), true),
                List.of(new LinkOccurrence("https://ok.example/", "issues/2024-4.pdf", "page 4", "OK")), null, null));
        links.add(new CheckedLink(new LinkResult("javascript:alert(1)", LinkStatus.SKIPPED, 0, null, "script link, not checked", 0, NOW, false),
                List.of(new LinkOccurrence("javascript:alert(1)", "issues/x.html", "line 1", "click")), null, null));
        return new LinkReport(links, 3, List.of("issues/x.docx: " + HOSTILE), NOW);
    }

    /** A link with a password in it, cited in an issue fetched from a URL with a password, and a URL of 50,000 characters. */
    private static LinkReport secrets() {
        String secret = "https://redaktor:hemmelig@intern.example/rapport";
        String huge = "https://long.example/?q=" + "a".repeat(50_000);
        List<CheckedLink> links = List.of(
                new CheckedLink(new LinkResult(secret, LinkStatus.REDIRECT, 301, "https://redaktor:hemmelig@intern.example/ny",
                        "moved permanently to https://redaktor:hemmelig@intern.example/ny", 2, NOW, false),
                        List.of(new LinkOccurrence(secret + "#del", "https://u:hemmelig@issues.example/q4.html", "line 3", "x")),
                        null, "https://web.archive.org/web/2024/https://redaktor:hemmelig@intern.example/rapport"),
                new CheckedLink(new LinkResult(huge, LinkStatus.SKIPPED, 0, null, "too long", 0, NOW, false),
                        List.of(new LinkOccurrence(huge, "q4.md", "line 1", "")), null, null));
        return new LinkReport(links, 1, List.of("https://u:hemmelig@issues.example/q4.html: not a readable PDF"), NOW);
    }

    @Test
    void everyFormatHidesPasswordsInUrlsAndCutsOverlongUrls() throws IOException {
        for (ReportFormat format : ReportFormat.values()) {
            StringBuilder out = new StringBuilder();
            format.writer(true).write(secrets(), out);
            String text = out.toString();
            assertFalse(text.contains("hemmelig"), format + ": " + text);
            assertTrue(text.contains("redaktor:***@intern.example"), format + ": " + text);
            assertTrue(text.length() < 20_000, format + " prints the 50,000-character URL whole");
        }
    }

    private static String render(ReportFormat format, boolean verbose) throws IOException {
        StringBuilder out = new StringBuilder();
        format.writer(verbose).write(report(), out);
        return out.toString();
    }

    @Test
    void textPutsWhatNeedsWorkFirstWithEveryCitation() throws IOException {
        String text = render(ReportFormat.TEXT, false);
        int broken = text.indexOf("broken   https://gone.example/rapport");
        int blocked = text.indexOf("blocked  https://wall.example/");
        int redirect = text.indexOf("redirect https://old.example/a");
        assertTrue(broken >= 0 && broken < blocked && blocked < redirect, text);
        assertTrue(text.contains("now at https://new.example/a"), text);
        assertTrue(text.contains("dead since 2025-03-02 (3 checks in a row)"), text);
        assertTrue(text.contains("archived: https://web.archive.org/web/20240101000000/https://gone.example/rapport"), text);
        assertTrue(text.contains("- issues/2024-4.pdf, page 3") && text.contains("- issues/2025-1.md, line 12"), text);
        assertTrue(text.contains("ok       1 link works"), text);
        assertFalse(text.contains("https://ok.example/"), "working links are only counted");
        assertFalse(text.contains("\u001b"), "no terminal escapes from documents");
        assertTrue(text.contains("5 links (6 citations) in 3 documents: 1 broken, 1 blocked, 0 error, 1 redirect, 1 ok, 1 skipped"), text);
        assertTrue(render(ReportFormat.TEXT, true).contains("https://ok.example/"), "verbose lists working links");
    }

    @Test
    void jsonHasTheShapeDesignPromises() throws IOException {
        JsonNode root = new ObjectMapper().readTree(render(ReportFormat.JSON, false));
        JsonNode first = root.get("links").get(0);
        assertEquals("https://gone.example/rapport", first.get("url").asText());
        assertEquals("broken", first.get("status").asText());
        assertEquals(404, first.get("http_status").asInt());
        assertTrue(first.get("final_url").isNull());
        assertEquals("HTTP 404 Not Found", first.get("error").asText());
        assertEquals("issues/2024-4.pdf", first.get("occurrences").get(0).get("document").asText());
        assertEquals("page 3", first.get("occurrences").get(0).get("location").asText());
        assertEquals("2025-03-02T08:00:00Z", first.get("history").get("first_seen_broken").asText());
        assertEquals("https://new.example/a", root.get("links").get(2).get("final_url").asText());
        assertTrue(root.get("links").get(4).get("http_status").isNull());
        assertEquals(5, root.get("links").size(), "every link, working ones too");
        JsonNode summary = root.get("summary");
        assertEquals(1, summary.get("broken").asInt());
        assertEquals(1, summary.get("ok").asInt());
        assertEquals(5, summary.get("links").asInt());
        assertEquals(1, summary.get("cached").asInt());
    }

    /**
     * The JSON, byte for byte, as the Jackson tree with indented output wrote it before it was streamed
     * (scripts may diff reports): with and without history, nulls, escapes, skipped links, warnings.
     */
    @Test
    void jsonIsWrittenExactlyAsBefore() throws IOException {
        StringBuilder empty = new StringBuilder();
        ReportFormat.JSON.writer(false).write(new LinkReport(List.of(), 0, List.of(), NOW), empty);
        String rendered = render(ReportFormat.JSON, false) + "----\n" + empty;
        java.nio.file.Path golden = java.nio.file.Path.of("src/test/resources/no/kildevakt/links/report/report.json");
        if (Boolean.getBoolean("kildevakt.golden.write")) { // how the file was made, from the tree-based writer
            java.nio.file.Files.writeString(golden, rendered);
        }
        assertEquals(java.nio.file.Files.readString(golden), rendered);
    }

    @Test
    void markdownEscapesDocumentTextAndLinksOnlyWebUrls() throws IOException {
        String md = render(ReportFormat.MD, false);
        assertTrue(md.contains("- <https://gone.example/rapport>"), md);
        assertFalse(md.contains("<script>"), md);
        assertFalse(md.contains("[x](javascript"), "no live Markdown link from document text");
        assertFalse(md.contains("<javascript:"), md);
        assertTrue(md.contains("## Broken (1)"), md);
        assertTrue(md.indexOf("## Broken") < md.indexOf("## Blocked") && md.indexOf("## Blocked") < md.indexOf("## Moved"), md);
    }

    @Test
    void htmlIsSelfContainedAndEscaped() throws IOException {
        String html = render(ReportFormat.HTML, false);
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script").isEmpty(), "no script element survives");
        assertTrue(doc.select("link[rel=stylesheet], img, iframe").isEmpty(), "nothing loaded from outside");
        assertTrue(doc.select("a[href^=javascript]").isEmpty(), "non-http links are text");
        assertTrue(doc.text().contains("<script>alert(1)</script>"), "hostile text shown as text");
        assertEquals("https://gone.example/rapport", doc.select("h2.broken + table a").first().attr("href"));
        assertTrue(doc.text().contains("javascript:alert(1)"));
    }

    @Test
    void csvQuotesProperlyAndDefusesFormulas() throws IOException {
        String csv = render(ReportFormat.CSV, false);
        List<List<String>> rows = parseCsv(csv);
        assertEquals(List.of("status", "url", "http_status", "final_url", "error", "archive_url", "document", "location", "text",
                "first_seen_broken", "last_ok", "consecutive_failures", "history"), rows.get(0));
        assertEquals(7, rows.size(), "a header and one row per citation");
        List<String> first = rows.get(1);
        assertEquals("broken", first.get(0));
        assertEquals("page 3", first.get(7));
        assertTrue(first.get(8).startsWith("<script>"), first.get(8));
        assertEquals("2025-03-02", first.get(9));
        assertTrue(csv.contains("\r\n"));
        String hostileRow = csv.lines().filter(l -> l.startsWith("broken")).findFirst().orElseThrow();
        assertTrue(hostileRow.contains("\"\"quoted\"\""), hostileRow);
        assertEquals("'=x", CsvReport.cell("=x"));
        assertEquals("\"'=HYPERLINK(\"\"a\"\",1)\"", CsvReport.cell("=HYPERLINK(\"a\",1)"));
    }

    /** A small RFC 4180 reader, to prove the output reads back cell for cell. */
    private static List<List<String>> parseCsv(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        StringReader in = new StringReader(csv);
        int c;
        while ((c = in.read()) != -1) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    if (in.read() == '"') {
                        cell.append('"');
                    } else {
                        in.reset();
                        quoted = false;
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                // part of CRLF
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append((char) c);
            }
        }
        return rows;
    }
}
