package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /draft.docx}: the draft as a Word file, downloaded over real HTTP and opened with POI. */
class DraftDocxTest {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

    private HttpResponse<byte[]> download(String path) throws Exception {
        return http.client.send(http.request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theDraftDownloadsAsAWordFileInTheNewslettersStructure() throws Exception {
        http.post("/api/items/" + fixture.id("un-1") + "/decision", "{\"decision\":\"accepted\"}");
        http.post("/api/items/" + fixture.id("jd-1") + "/decision", "{\"decision\":\"accepted\"}");
        http.post("/api/items/" + fixture.id("evil-1") + "/decision", "{\"decision\":\"accepted\"}");
        HttpResponse<byte[]> response = download("/draft.docx?period=2025-Q1");
        assertEquals(200, response.statusCode());
        assertEquals(DOCX, response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"utkast-2025-q1.docx\"", response.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            List<String> headings = new ArrayList<>();
            List<String> links = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                if (p.getStyle() != null) {
                    headings.add(p.getStyle() + ": " + p.getText());
                }
                for (IRunElement r : p.getIRuns()) {
                    if (r instanceof XWPFHyperlinkRun link) {
                        links.add(link.getHyperlink(doc).getURL());
                    }
                }
            }
            assertEquals("Title: Nyhetsbrev januar–mars 2025", headings.get(0));
            assertTrue(headings.contains("Heading2: Ny handlingsplan mot menneskehandel"), headings.toString());
            assertTrue(headings.contains("Heading2: " + ReviewFixture.HOSTILE_TITLE), headings.toString());
            assertTrue(headings.contains("Heading2: Global report: menneskehandel rises"), headings.toString());
            assertEquals(2, headings.stream().filter(h -> h.startsWith("Heading1: ")).count(), headings.toString());
            // the javascript: link of the hostile item is no link
            assertEquals(List.of("https://www.regjeringen.no/no/aktuelt/handlingsplan/id1", "https://www.unodc.org/report-2025"), links);
        }
        assertEquals(400, download("/draft.docx?period=never").statusCode());
    }

    @Test
    void inEnglishTheFileIsNamedDraft() throws Exception {
        fixture.close();
        fixture = new ReviewFixture(java.nio.file.Files.createDirectories(dir.resolve("en")));
        http = new Http(fixture.start(Lang.EN));
        HttpResponse<byte[]> response = download("/draft.docx?period=2025-Q1");
        assertEquals("attachment; filename=\"draft-2025-q1.docx\"", response.headers().firstValue("Content-Disposition").orElse(""));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            assertTrue(doc.getParagraphs().size() > 5);
        }
    }
}
