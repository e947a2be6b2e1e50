package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-links and issues end to end through Main.run, as an editor or cron runs them. */
class CheckLinksCliTest {

    @TempDir
    Path dir;

    private MockWebServer server;
    private final List<String> requested = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean reportAlive = true;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                requested.add(path);
                if (path.startsWith("/web/")) {
                    return new MockResponse.Builder().code(302).addHeader("Location", "/web/20240101000000/" + path.substring(5)).build();
                }
                return switch (path) {
                    case "/plan" -> page("Handlingsplan mot menneskehandel");
                    case "/rapport" -> reportAlive ? page("Rapport") : new MockResponse.Builder().code(404).build();
                    case "/gammel" -> new MockResponse.Builder().code(301).addHeader("Location", "/ny").build();
                    case "/ny" -> page("Ny side");
                    case "/savnet" -> page("Fant ikke siden");
                    case "/issue.html" -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                            .body("<html><head><title>Nyhetsbrev 1/2025</title></head><body>\n<a href=\"/plan\">Plan</a>\n"
                                    + "<a href=\"/gone\">Borte</a></body></html>").build();
                    default -> new MockResponse.Builder().code(404).body("not found").build();
                };
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse page(String title) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>").build();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    /** An HTML issue citing the plan twice, a moved page, a gone page, a soft 404 and an e-mail address. */
    private Path issue(String name, String... paths) throws IOException {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html><head><title>Nyhetsbrev 4/2024</title></head><body>\n");
        for (String p : paths) {
            html.append("<p><a href=\"").append(p.startsWith("mailto:") ? p : url(p)).append("\">lenke ").append(p).append("</a></p>\n");
        }
        html.append("</body></html>\n");
        Path file = dir.resolve(name);
        Files.writeString(file, html);
        return file;
    }

    private CliRun run(String... args) {
        return run(false, args);
    }

    private CliRun run(boolean interactive, String... args) {
        return CliRun.of(dir.resolve("none.yml"), dir.resolve("k.db"), interactive, args);
    }

    @Test
    void aFileWithBrokenLinksExitsOneAndReportsJsonWithOccurrences() throws IOException {
        Path file = issue("2024-4.html", "/plan", "/gone", "/gammel", "/plan#tiltak", "/savnet", "mailto:post@example.org");
        CliRun run = run("check-links", file.toString(), "--format", "json");
        assertEquals(1, run.code(), run.err());
        JsonNode links = run.json().get("links");
        assertEquals(List.of("broken", "broken", "redirect", "ok", "skipped"),
                List.of(links.get(0), links.get(1), links.get(2), links.get(3), links.get(4)).stream().map(l -> l.get("status").asText()).toList());
        JsonNode plan = links.get(3);
        assertEquals(url("/plan"), plan.get("url").asText());
        assertEquals(2, plan.get("occurrences").size());
        assertEquals(file.toString(), plan.get("occurrences").get(0).get("document").asText());
        assertTrue(plan.get("occurrences").get(0).get("location").asText().startsWith("line "), plan.toString());
        assertEquals(url("/ny"), links.get(2).get("final_url").asText());
        assertEquals(1, Collections.frequency(requested, "/plan"), "cited twice, fetched once");
        assertEquals(2, run.json().get("summary").get("broken").asInt());
    }

    @Test
    void aMissingIssueFileTouchesNoDatabase() {
        CliRun run = run("check-links", dir.resolve("finnes-ikke.html").toString());
        assertEquals(Main.USAGE, run.code(), run.err());
        assertEquals(dir.resolve("finnes-ikke.html") + ": no such file or folder\n", run.err());
        assertFalse(Files.exists(dir.resolve("k.db")), "the issue is read before the database is opened");
    }

    /** A mistyped folder full of files stops the run in one line, before a link is fetched or an issue stored. */
    @Test
    void aFolderWithMoreIssueFilesThanTheLimitStopsBeforeAnyRequest() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("tmp"));
        for (String name : List.of("a.html", "b.md", "c.txt")) {
            Files.writeString(folder.resolve(name), url("/plan") + "\n");
        }
        CliRun run = run("check-links", folder.toString(), "--max-files", "2");
        assertEquals(Main.USAGE, run.code(), run.err());
        assertEquals("check-links: " + folder + " holds 3 issue files (.pdf .html .htm .md .markdown .docx .txt), more than the 2"
                + " read from one folder; nothing was read: is it the issues' folder? (--max-files N reads more)\n", run.err());
        assertEquals(List.of(), requested, "no link fetched");
        assertFalse(Files.exists(dir.resolve("k.db")), "no database opened");

        CliRun add = run("issues", "add", folder.toString(), "--max-files", "2");
        assertEquals(Main.USAGE, add.code(), add.err());
        assertTrue(add.err().startsWith("issues add: " + folder + " holds 3 issue files"), add.err());
        assertFalse(Files.exists(dir.resolve("k.db")), "no issue stored");

        CliRun enough = run("check-links", folder.toString(), "--max-files", "3");
        assertEquals(0, enough.code(), enough.err());
        assertEquals(2, run("check-links", folder.toString(), "--max-files", "0").code());
    }

    @Test
    void allWellExitsZeroWithATextReport() throws IOException {
        Path file = issue("ok.html", "/plan", "/ny");
        CliRun run = run("check-links", file.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("ok       2 links work"), run.out());
        assertFalse(run.err().contains("\r"), "no progress bar without a terminal");
    }

    @Test
    void aPublishedIssueIsFetchedByUrlAndItsRelativeLinksResolved() {
        CliRun run = run("check-links", url("/issue.html"), "--format", "csv");
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().contains("broken," + url("/gone") + ",404"), run.out());
        assertTrue(run.out().contains("ok," + url("/plan")), run.out());
    }

    @Test
    void badUsageExitsTwo() throws IOException {
        assertEquals(2, run("check-links").code());
        Path file = issue("a.html", "/plan");
        CliRun format = run("check-links", file.toString(), "--format", "pdf");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("--format"), format.err());
        assertEquals(2, run("check-links", file.toString(), "--max-age", "yesterday").code());
        assertEquals(2, run("check-links", dir.resolve("missing.pdf").toString()).code());
        assertEquals(2, run("check-links", file.toString(), "--timeout", "0").code());
        assertEquals(2, run("check-links", file.toString(), "--no-such-option").code());
        assertEquals(2, run("issues").code());
        assertEquals(2, run("issues", "add", file.toString(), "--period", "Q4").code());
    }

    @Test
    void theReportGoesToTheOutputFileInTheChosenFormat() throws IOException {
        Path file = issue("a.html", "/plan", "/gone");
        Path out = dir.resolve("report.html");
        CliRun run = run("check-links", file.toString(), "--format", "html", "--output", out.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals("", run.out());
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains(url("/gone")), html);
    }

    @Test
    void brokenLinksGetArchiveSuggestionsFromTheConfiguredArchive() throws IOException {
        Path file = issue("a.html", "/gone", "/plan");
        String base = "http://127.0.0.1:" + server.getPort();
        CliRun run = run("check-links", file.toString(), "--format", "md", "--suggest-archive", "--archive-base", base);
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().contains("archived copy: <" + base + "/web/20240101000000/" + url("/gone") + ">"), run.out());
        assertEquals(1, requested.stream().filter(p -> p.startsWith("/web/")).count(), "only the broken link is looked up");
    }

    /** Issue 9: an issue published behind basic authentication is listed without its password. */
    @Test
    void issuesAreListedWithoutPasswords() throws Exception {
        try (no.kildevakt.store.Store store = no.kildevakt.store.Store.open(dir.resolve("k.db"))) {
            store.links().saveIssue("https://redaksjon:hemmelig@example.org/nyhetsbrev/4", "Nyhetsbrev 4/2024", "2024-Q4",
                    "html", java.util.List.of(), java.time.Instant.parse("2025-01-10T10:00:00Z"));
        }
        CliRun table = run("issues", "list");
        assertTrue(table.out().contains("(https://redaksjon:***@example.org/nyhetsbrev/4)"), table.out());
        assertFalse(table.out().contains("hemmelig"), table.out());
        CliRun json = run("issues", "list", "--json");
        assertEquals("https://redaksjon:***@example.org/nyhetsbrev/4", json.json().get("issues").get(0).get("source").asText());
    }

    @Test
    void issuesAreStoredListedAndRecheckedWithHistory() throws IOException {
        Path file = issue("2024-4.html", "/plan", "/rapport", "/gone");
        CliRun add = run("issues", "add", file.toString(), "--period", "2024-Q4");
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("Nyhetsbrev 4/2024") && add.out().contains("3 links"), add.out());

        CliRun list = run("issues", "list", "--json");
        assertEquals(0, list.code(), list.err());
        JsonNode issue = list.json().get("issues").get(0);
        assertEquals("2024-Q4", issue.get("period").asText());
        assertEquals(3, issue.get("links").asInt());
        assertEquals("html", issue.get("type").asText());

        CliRun first = run("check-links", "--issues", "--format", "json");
        assertEquals(1, first.code(), first.err());
        reportAlive = false;
        CliRun second = run("check-links", "--issues", "--format", "json");
        assertEquals(1, second.code());
        JsonNode rapport = null;
        for (JsonNode l : second.json().get("links")) {
            if (l.get("url").asText().equals(url("/rapport"))) {
                rapport = l;
            }
        }
        assertEquals("broken", rapport.get("status").asText());
        assertFalse(rapport.get("history").get("last_ok").isNull(), "it worked in the first run");
        assertEquals(file.toString(), rapport.get("occurrences").get(0).get("document").asText());

        CliRun table = run("issues", "list");
        assertEquals(0, table.code());
        assertTrue(table.out().contains("2024-Q4"), table.out());
        assertTrue(table.out().matches("(?s).*\\s3\\s+2\\s+Nyhetsbrev 4/2024.*"), "3 links, 2 broken: " + table.out());
    }

    @Test
    void theCacheSparesRequestsForLinksThatWorked() throws IOException {
        Path file = issue("a.html", "/plan", "/gone");
        run("check-links", file.toString());
        requested.clear();
        CliRun cached = run("check-links", file.toString(), "--max-age", "1d", "--format", "json");
        assertEquals(1, cached.code());
        assertEquals(List.of("/gone"), requested, "the failure is checked again, the working link is not");
    }

    @Test
    void aPersonAtATerminalSeesAProgressBarThatIsClearedAfterwards() throws IOException {
        Path file = issue("a.html", "/plan", "/ny");
        CliRun run = run(true, "check-links", file.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("] 2/2 links"), run.err());
        assertTrue(run.err().endsWith("\r"), "the bar is wiped before the report");
        assertFalse(run.out().contains("\r"));
    }

    @Test
    void issuesListWithoutADatabaseSaysSo() {
        CliRun run = run("issues", "list");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("no database"), run.err());
    }
}
