package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The review page in a real headless Chromium, as an editor uses it: decide with the keyboard and
 * the mouse, write a note, edit a title, and find it all in the draft. One browser and one server
 * for the class; the tests run in order, as one editor's session. Screenshots go to
 * {@code target/screenshots/}. Skipped when Debian's {@code chromium} and {@code chromium-driver}
 * are not installed ({@code .ci/run} installs them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;

    private static ReviewFixture fixture;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        fixture = new ReviewFixture(dir);
        fixture.start(Lang.NB);
        profile = Files.createTempDirectory("kildevakt-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=nb-NO");
        // the driver is given explicitly, so Selenium Manager has nothing to look up or download
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static void open(String path) {
        browser.get(fixture.server.uri().resolve(path).toString());
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    private static WebElement item(String key) throws Exception {
        return browser.findElement(By.id("item-" + fixture.id(key)));
    }

    private static void press(CharSequence keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private static String status(String key) throws Exception {
        return fixture.stored(key).status().code();
    }

    @Test
    @Order(1)
    void hostileTitlesAreShownAsTextAndNothingOfThemRuns() throws Exception {
        open("/");
        screenshot("01-review");
        WebElement hostile = item("evil-1");
        assertEquals(ReviewFixture.HOSTILE_TITLE, hostile.findElement(By.cssSelector("h3.title .open")).getText());
        assertEquals("span", hostile.findElement(By.cssSelector("h3.title .open")).getTagName(), "a javascript: URL is no link");
        assertEquals(ReviewFixture.HOSTILE_URL, hostile.findElement(By.cssSelector(".url-text")).getText());
        assertTrue(hostile.findElement(By.cssSelector(".summary")).getText().startsWith("<img src=x onerror="));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertTrue(browser.findElements(By.cssSelector("article img, article script, a[href^='javascript:'], a[href^='data:']")).isEmpty());
    }

    @Test
    @Order(2)
    void theKeyboardMovesAcceptsRejectsAndResets() throws Exception {
        open("/");
        // in page order: jd-1, evil-1, evil-2 (norske), un-1 (internasjonale), ev-1 (arrangementer)
        press("j");
        assertTrue(item("jd-1").getAttribute("class").contains("current"));
        press("a"); // accept, then on to the next
        waitUntil("jd-1 is accepted", () -> item("jd-1").getAttribute("data-status").equals("accepted"));
        waitUntil("evil-1 is current", () -> item("evil-1").getAttribute("class").contains("current"));
        press("r");
        waitUntil("evil-1 is rejected", () -> item("evil-1").getAttribute("data-status").equals("rejected"));
        waitUntil("evil-2 is current", () -> item("evil-2").getAttribute("class").contains("current"));
        press("k");
        press("u"); // reset stays on the item
        waitUntil("evil-1 is new again", () -> item("evil-1").getAttribute("data-status").equals("new"));
        press("jj");
        assertTrue(item("un-1").getAttribute("class").contains("current"));
        press("a");
        waitUntil("un-1 is accepted", () -> item("un-1").getAttribute("data-status").equals("accepted"));
        assertEquals("accepted", status("jd-1"));
        assertEquals("new", status("evil-1"));
        assertEquals(List.of("rejected", "new"), fixture.store.decisions().history(fixture.id("evil-1")).stream()
                .map(e -> e.decision().code()).toList());
        assertEquals("accepted", status("un-1"));
        assertEquals("Tatt med", item("jd-1").findElement(By.cssSelector(".status-badge")).getText());
        assertEquals("2", browser.findElement(By.cssSelector(".toc .total [data-count=accepted]")).getText());
        // five undecided at first: two accepted, one rejected and reset
        assertEquals("3", browser.findElement(By.cssSelector(".toc .total [data-count=new]")).getText());
        screenshot("02-keyboard-decisions");
    }

    @Test
    @Order(3)
    void theMouseDecidesToo() throws Exception {
        open("/");
        item("evil-2").findElement(By.cssSelector("button.reject")).click();
        waitUntil("evil-2 is rejected", () -> item("evil-2").getAttribute("data-status").equals("rejected"));
        item("ev-1").findElement(By.cssSelector("button.accept")).click();
        waitUntil("ev-1 is accepted", () -> item("ev-1").getAttribute("data-status").equals("accepted"));
        item("ev-1").findElement(By.cssSelector("button.reset")).click();
        waitUntil("ev-1 is new again", () -> item("ev-1").getAttribute("data-status").equals("new"));
        item("evil-1").findElement(By.cssSelector("button.reject")).click();
        waitUntil("evil-1 is rejected", () -> item("evil-1").getAttribute("data-status").equals("rejected"));
        assertEquals("rejected", status("evil-2"));
        assertEquals("new", status("ev-1"));
        assertEquals("rejected", status("evil-1"));
        // the counts of the sections follow the decisions without a reload
        WebElement norske = browser.findElement(By.cssSelector("#s-norske h2 .counts"));
        assertEquals("1", norske.findElement(By.cssSelector("[data-count=accepted]")).getText());
        assertEquals("2", norske.findElement(By.cssSelector("[data-count=rejected]")).getText());
        // and the page says the same after a reload
        open("/");
        assertEquals("rejected", item("evil-2").getAttribute("data-status"));
        assertEquals("2", browser.findElement(By.cssSelector("#s-norske h2 .counts [data-count=rejected]")).getText());
    }

    @Test
    @Order(4)
    void aNoteAndAnEditedTitleAreSavedFromThePage() throws Exception {
        open("/");
        WebElement un = item("un-1");
        un.findElement(By.cssSelector("button[data-action=note]")).click();
        WebElement note = un.findElement(By.cssSelector(".note-form textarea"));
        waitUntil("the note field has focus", () -> note.equals(browser.switchTo().activeElement()));
        note.sendKeys("Sjekk tallene for Norge");
        un.findElement(By.cssSelector(".note-form button[type=submit]")).click();
        waitUntil("the note is shown", () -> un.findElement(By.cssSelector(".note-text")).isDisplayed());
        assertEquals("Sjekk tallene for Norge", fixture.stored("un-1").note());
        assertEquals("accepted", status("un-1"), "a note keeps the decision");

        // e on the current item opens the edit form
        un.click();
        press("e");
        WebElement title = un.findElement(By.cssSelector(".edit-form input[name=title]"));
        waitUntil("the title field has focus", () -> title.equals(browser.switchTo().activeElement()));
        screenshot("03-edit-form");
        title.clear();
        title.sendKeys("FNs globale rapport om menneskehandel");
        WebElement summary = un.findElement(By.cssSelector(".edit-form textarea[name=summary]"));
        summary.clear();
        summary.sendKeys("UNODC legger fram sin globale rapport.");
        summary.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitUntil("the title is shown", () -> un.findElement(By.cssSelector("h3.title .open")).getText()
                .equals("FNs globale rapport om menneskehandel"));
        assertFalse(un.findElement(By.cssSelector(".edit-form")).isDisplayed());
        assertEquals("Original: Global report: menneskehandel rises", un.findElement(By.cssSelector(".original")).getText());
        assertEquals("FNs globale rapport om menneskehandel", fixture.stored("un-1").editedTitle());
        assertEquals("UNODC legger fram sin globale rapport.", fixture.stored("un-1").editedSummary());
        screenshot("04-after-edit");
    }

    @Test
    @Order(5)
    void theDraftHoldsTheAcceptedItemsWithTheirEdits() throws Exception {
        open("/draft");
        List<String> entries = browser.findElements(By.cssSelector(".draft-entry .entry-title")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Ny handlingsplan mot menneskehandel", "FNs globale rapport om menneskehandel"), entries);
        assertTrue(browser.findElement(By.id("draft-basis")).getText().contains("2 saker som er tatt med"));
        String markdown = browser.findElement(By.id("draft-md")).getAttribute("value");
        // the editor's text wins over the house-style suggestion, and ends in "se her" linked
        assertTrue(markdown.contains("### FNs globale rapport om menneskehandel\n\nUNODC legger fram sin globale rapport, "
                + "[se her](<https://www.unodc.org/report-2025>)."), markdown);
        assertFalse(markdown.contains("alert("), markdown);
        browser.findElement(By.id("copy-md")).click();
        waitUntil("the copy is confirmed", () -> browser.findElement(By.id("toast")).getText().equals("Kopiert"));
        assertEquals("/draft.md?period=2025-Q1", Path.of("/").resolve(
                java.net.URI.create(browser.findElement(By.id("download-md")).getAttribute("href")).getRawPath()).toString()
                + "?" + java.net.URI.create(browser.findElement(By.id("download-md")).getAttribute("href")).getRawQuery());
        screenshot("05-draft");
    }

    @Test
    @Order(6)
    void sourcesCanBeCrawledAgainAndThePageFitsATablet() throws Exception {
        open("/sources");
        WebElement row = browser.findElement(By.id("source-unodc"));
        row.findElement(By.cssSelector("button.recrawl")).click();
        waitUntil("the result is shown", () -> row.findElement(By.cssSelector(".recrawl-result")).getText().startsWith("Hentet: ok, 2"));
        assertEquals(List.of("unodc"), fixture.recrawled);
        screenshot("06-sources");
        open("/links");
        screenshot("07-links");

        browser.manage().window().setSize(new Dimension(820, 1180));
        open("/");
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow, "no sideways scrolling on a tablet");
        screenshot("08-tablet");
        assertNull(browser.findElement(By.cssSelector("html")).getAttribute("data-error"));
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    @Order(7)
    void aLongListShowsAPageOfCardsAndShowMoreBringsTheRest() throws Exception {
        int bulk = Pages.PAGE_SIZE + 30;
        List<no.kildevakt.item.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < bulk; i++) {
            items.add(new no.kildevakt.item.Item("bulk-" + i, "https://www.regjeringen.no/no/aktuelt/sak/id" + (1000 + i), null,
                    "Sak " + i + " om menneskehandel", "Sammendrag " + i + ".",
                    java.time.Instant.parse("2025-01-02T08:00:00Z").plusSeconds(3600L * i), null));
        }
        fixture.crawled("reg-jd", "norske", items);
        open("/");
        int all = Integer.parseInt(browser.findElement(By.cssSelector(".toc .total [data-count=total]")).getText());
        assertEquals(Pages.PAGE_SIZE, browser.findElements(By.cssSelector("article.item")).size(), "one page of cards, not all");
        String accepted = browser.findElement(By.cssSelector(".toc .total [data-count=accepted]")).getText();
        WebElement more = browser.findElement(By.cssSelector("a[data-more]"));
        assertEquals("Vis flere (" + (all - Pages.PAGE_SIZE) + " til)", more.getText());
        String url = browser.getCurrentUrl();
        more.click();
        waitUntil("the rest is shown", () -> browser.findElements(By.cssSelector("article.item")).size() == all);
        assertEquals(url, browser.getCurrentUrl(), "the cards came into this page");
        assertTrue(browser.findElements(By.cssSelector("a[data-more]")).isEmpty(), "nothing more to show");
        assertEquals(1, browser.findElements(By.id("s-internasjonale")).size(), "no section twice");
        screenshot("09-show-more");
        // a card that came with "show more" is decided like the others, and the counts follow
        WebElement last = browser.findElement(By.id("item-" + fixture.id("bulk-0")));
        last.findElement(By.cssSelector("button.accept")).click();
        waitUntil("bulk-0 is accepted", () -> last.getAttribute("data-status").equals("accepted"));
        assertEquals("accepted", status("bulk-0"));
        assertEquals(String.valueOf(Integer.parseInt(accepted) + 1),
                browser.findElement(By.cssSelector(".toc .total [data-count=accepted]")).getText());
        assertEquals(String.valueOf(all), browser.findElement(By.cssSelector(".toc .total [data-count=total]")).getText());
    }
}
