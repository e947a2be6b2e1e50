package no.kildevakt.review;

import static no.kildevakt.review.HeadlessChromium.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An editor builds the 2025-Q1 issue in the browser alone, in real headless Chromium: accepts items
 * on the review page, then on the draft page moves one into "Verdt å merke seg", orders entries with
 * the keyboard and by dragging, writes an entry by hand, renames a group, copies the issue as rich
 * text and downloads it as .docx; and another issue's draft stays as it was. One browser, one
 * server, the tests in order as one session.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DraftPageBrowserTest {
    @TempDir
    static Path dir;

    private static ReviewFixture fixture;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        fixture = new ReviewFixture(dir, "feeds-issue.yml");
        fixture.start(Lang.NB);
        browser = HeadlessChromium.start(fixture.server.uri(), 1280, 1000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static WebElement entry(String key) throws Exception {
        return browser.driver.findElement(By.cssSelector("article.draft-entry[data-key='item:" + fixture.id(key) + "']"));
    }

    private static List<String> titles(String section) {
        return browser.driver.findElements(By.cssSelector("#d-" + section + " .entry-title")).stream().map(WebElement::getText).toList();
    }

    private static String focusedKey() {
        Object key = browser.driver.executeScript("const a = document.activeElement; return a && a.dataset ? a.dataset.key : null;");
        return key == null ? "" : key.toString();
    }

    @Test
    @Order(1)
    void theEditorAcceptsItemsOnTheReviewPage() throws Exception {
        browser.open("/?period=2025-Q1&all=1");
        for (String key : List.of("jd-1", "jd-2", "un-1")) {
            WebElement card = browser.driver.findElement(By.id("item-" + fixture.id(key)));
            card.findElement(By.cssSelector("button.accept")).click();
            waitUntil(key + " is accepted", () -> "accepted".equals(card.getAttribute("data-status")));
        }
        browser.open("/?period=2025-Q1&status=accepted");
        browser.screenshot("review-page");
        for (String key : List.of("jd-1", "jd-2", "un-1")) {
            assertEquals("accepted", fixture.store.items().get(fixture.id(key), "2025-Q1").orElseThrow().status().code(),
                    "the decision belongs to the issue the page shows");
        }
    }

    @Test
    @Order(2)
    void everySectionIsThereAndAnItemMovesIntoVerdtAMerkeSeg() throws Exception {
        browser.open("/draft?period=2025-Q1");
        assertEquals(List.of("Verdt å merke seg", "Aktuelle norske tiltak, rapporter og forskning",
                        "Aktuelle internasjonale tiltak, rapporter og forskning", "Kommende arrangementer"),
                browser.driver.findElements(By.cssSelector(".draft-section > h3")).stream().map(WebElement::getText).toList());
        assertEquals(List.of(), titles("verdt"));
        WebElement un = entry("un-1");
        un.findElement(By.cssSelector("select[data-action=section] option[value=verdt]")).click();
        un.findElement(By.cssSelector("button[data-action=move]")).click();
        waitUntil("the entry is in Verdt å merke seg", () -> titles("verdt").equals(List.of("Global report: menneskehandel rises")));
        waitUntil("the moved entry keeps the focus", () -> focusedKey().equals("item:" + fixture.id("un-1")));
    }

    @Test
    @Order(3)
    void entriesAreOrderedWithTheKeyboardAndByDragging() throws Exception {
        browser.open("/draft?period=2025-Q1");
        List<String> ranked = List.of("Ny handlingsplan mot menneskehandel", "Statsbudsjettet for 2025");
        assertEquals(ranked, titles("norske"), "best first until the editor orders them");
        WebElement budget = entry("jd-2");
        budget.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
        waitUntil("Alt+↑ moves the budget up", () -> titles("norske").equals(List.of("Statsbudsjettet for 2025", "Ny handlingsplan mot menneskehandel")));
        waitUntil("the focus stays on the moved entry", () -> focusedKey().equals("item:" + fixture.id("jd-2")));

        // drag the plan back above the budget (HTML5 drag and drop, as the browser dispatches it)
        browser.driver.executeScript("""
                const from = arguments[0], to = arguments[1], data = new DataTransfer();
                from.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                to.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
                to.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));""",
                entry("jd-1"), entry("jd-2"));
        waitUntil("dropping puts the plan first again", () -> titles("norske").equals(ranked));
    }

    @Test
    @Order(4)
    void anEntryIsWrittenByHandAndAGroupRenamed() throws Exception {
        browser.open("/draft?period=2025-Q1");
        WebElement verdt = browser.driver.findElement(By.id("d-verdt"));
        verdt.findElement(By.cssSelector("details.add-entry > summary")).click();
        WebElement form = verdt.findElement(By.cssSelector("form.entry-form"));
        form.findElement(By.name("title")).sendKeys("KOM-samling i Bodø");
        form.findElement(By.name("text")).sendKeys("Politiet samlet KOM-nettverket i Nordland.");
        form.findElement(By.name("url")).sendKeys("https://www.politiet.no/kom");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil("the hand-written entry is in the draft",
                () -> titles("verdt").equals(List.of("Global report: menneskehandel rises", "KOM-samling i Bodø")));

        WebElement group = browser.driver.findElement(By.cssSelector("#d-norske .draft-group[data-group='Regjeringen']"));
        group.findElement(By.cssSelector("details.rename > summary")).click();
        WebElement name = group.findElement(By.cssSelector("form.group-form input[name=title]"));
        name.clear();
        name.sendKeys("Fra departementene", Keys.ENTER);
        waitUntil("the group has its new name", () -> browser.driver.findElement(
                By.cssSelector("#d-norske .draft-group[data-group='Regjeringen'] h4.group-title")).getText().startsWith("Fra departementene"));
        String markdown = browser.driver.findElement(By.id("draft-md")).getAttribute("value");
        assertTrue(markdown.contains("### Fra departementene\n"), markdown);
        assertTrue(markdown.contains("KOM-samling i Bodø\n\nPolitiet samlet KOM-nettverket i Nordland, [se her](<https://www.politiet.no/kom>)."), markdown);
        browser.driver.executeScript("window.scrollTo(0, 0)");
        browser.screenshot("draft-page");
    }

    @Test
    @Order(5)
    void copyingPutsHtmlAndPlainTextOnTheClipboard() throws Exception {
        browser.open("/draft?period=2025-Q1");
        // the test reads what the page hands the clipboard; headless Chromium has no clipboard to read back
        browser.driver.executeScript("""
                window.__copied = null;
                navigator.clipboard.write = async (items) => {
                  const out = {};
                  for (const item of items) for (const type of item.types) out[type] = await (await item.getType(type)).text();
                  window.__copied = out;
                };""");
        browser.driver.findElement(By.id("copy-html")).click();
        waitUntil("the copy is confirmed", () -> browser.driver.executeScript("return window.__copied") != null);
        @SuppressWarnings("unchecked")
        Map<String, String> copied = (Map<String, String>) browser.driver.executeScript("return window.__copied");
        assertEquals(java.util.Set.of("text/html", "text/plain"), copied.keySet());
        assertTrue(copied.get("text/html").contains("<h2") && copied.get("text/html").contains("href=\"https://www.politiet.no/kom\""),
                copied.get("text/html"));
        assertTrue(copied.get("text/plain").contains("Verdt å merke seg\n\nGlobal report: menneskehandel rises"), copied.get("text/plain"));
        assertFalse(copied.get("text/plain").contains("<"), copied.get("text/plain"));
    }

    @Test
    @Order(6)
    void theDocxDownloadOpensAsTheNewslettersStructure() throws Exception {
        browser.open("/draft?period=2025-Q1");
        String href = browser.driver.findElement(By.id("download-docx")).getAttribute("href");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            List<String> headings = doc.getParagraphs().stream().filter(p -> p.getStyleID() != null && p.getStyleID().startsWith("Heading"))
                    .map(XWPFParagraph::getText).toList();
            assertEquals(List.of("Verdt å merke seg", "Global report: menneskehandel rises", "KOM-samling i Bodø",
                    "Aktuelle norske tiltak, rapporter og forskning", "Fra departementene", "Ny handlingsplan mot menneskehandel",
                    "Statsbudsjettet for 2025"), headings);
        }
    }

    @Test
    @Order(7)
    void anotherIssuesDraftIsUntouched() throws Exception {
        browser.open("/draft?period=2024-Q4");
        assertEquals(List.of(), titles("verdt"));
        assertFalse(browser.driver.getPageSource().contains("KOM-samling"));
        assertFalse(browser.driver.getPageSource().contains("Fra departementene"));
    }
}
