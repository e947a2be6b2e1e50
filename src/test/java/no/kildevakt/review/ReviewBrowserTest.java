package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
    @TempDir
    static Path dir;

    private static ReviewFixture fixture;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        fixture = new ReviewFixture(dir);
        fixture.start(Lang.NB);
        chromium = HeadlessChromium.start(fixture.server.uri(), 1280, 1000);
        browser = chromium.driver;
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static void open(String path) {
        chromium.open(path);
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    private static void waitUntil(String what, HeadlessChromium.Condition condition) throws Exception {
        HeadlessChromium.waitUntil(what, condition);
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
        // the edit is the issue's (the page sent its period): 2025-Q1's draft reads it
        assertEquals("FNs globale rapport om menneskehandel", fixture.store.items().get(fixture.id("un-1"), "2025-Q1").orElseThrow().editedTitle());
        assertEquals("UNODC legger fram sin globale rapport.", fixture.store.items().get(fixture.id("un-1"), "2025-Q1").orElseThrow().editedSummary());
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

    // ---------------------------------------------------------------- after a full quarter's review (issue 12)

    private static WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private static void focus(WebElement element) {
        browser.executeScript("arguments[0].focus()", element);
    }

    @Test
    @Order(8)
    void aKeyActsOnTheCardWhoseButtonHasFocusAndTheFocusStaysThere() throws Exception {
        open("/");
        browser.findElement(By.cssSelector("a[data-more]")).click(); // the events come after the long Norwegian section
        waitUntil("the events are shown", () -> !browser.findElements(By.id("item-" + fixture.id("ev-1"))).isEmpty());
        press("j"); // the first card is current
        WebElement first = browser.findElement(By.cssSelector("article.item.current"));
        String firstStatus = first.getAttribute("data-status");
        WebElement ev = item("ev-1");
        assertEquals("new", ev.getAttribute("data-status"));
        WebElement noteButton = ev.findElement(By.cssSelector("button[data-action=note]"));
        focus(noteButton);
        press("r");
        waitUntil("ev-1 is rejected", () -> ev.getAttribute("data-status").equals("rejected"));
        assertEquals("rejected", status("ev-1"));
        assertEquals(firstStatus, first.getAttribute("data-status"), "the card that was current is left alone");
        assertEquals(noteButton, focused(), "the focus stays on the button");
        press("u");
        waitUntil("ev-1 is new again", () -> ev.getAttribute("data-status").equals("new"));
        assertEquals(noteButton, focused());
        WebElement accept = ev.findElement(By.cssSelector("button.accept"));
        focus(accept);
        press("a");
        waitUntil("ev-1 is accepted", () -> ev.getAttribute("data-status").equals("accepted"));
        assertEquals(accept, focused(), "no jump to the next card");
        assertTrue(ev.getAttribute("class").contains("current"), "the card acted on is the current one now");
        assertEquals(firstStatus, first.getAttribute("data-status"));
        // n and e open the form of that card, not of the one current before
        focus(accept);
        press("n");
        WebElement note = ev.findElement(By.cssSelector(".note-form textarea"));
        waitUntil("ev-1's note field has focus", () -> note.equals(focused()));
        assertTrue(first.findElement(By.cssSelector(".note-form")).getAttribute("hidden") != null);
        press(Keys.ESCAPE);
        item("ev-1").findElement(By.cssSelector("button.reset")).click();
        waitUntil("ev-1 is new again", () -> ev.getAttribute("data-status").equals("new"));
    }

    @Test
    @Order(9)
    void theFilterDropdownsApplyOnEnterOrShowNotOnEveryArrowKey() throws Exception {
        open("/");
        browser.executeScript("window.kildevaktNotReloaded = true");
        WebElement status = browser.findElement(By.cssSelector("select[name=status]"));
        focus(status);
        status.sendKeys(Keys.ARROW_DOWN);
        status.sendKeys(Keys.ARROW_DOWN);
        // a change made another way (a mouse pick) does not apply on its own either
        browser.executeScript("const s = document.querySelector('select[name=section]'); s.value = 'norske';"
                + " s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));");
        assertEquals(Boolean.TRUE, browser.executeScript("return window.kildevaktNotReloaded === true"), "no reload");
        assertFalse(browser.getCurrentUrl().contains("status="));
        assertEquals(status, focused(), "the keyboard stays on the dropdown");
        String chosen = status.getAttribute("value");
        assertFalse(chosen.isEmpty(), "the arrow keys chose a status");
        status.sendKeys(Keys.ENTER);
        waitUntil("the filters applied", () -> browser.getCurrentUrl().contains("status=" + chosen));
        assertTrue(browser.getCurrentUrl().contains("section=norske"), browser.getCurrentUrl());
        waitUntil("the keyboard is back on the status dropdown",
                () -> "status".equals(focused().getAttribute("name")));
        // and "Vis" applies too
        WebElement section = browser.findElement(By.cssSelector("select[name=section]"));
        browser.executeScript("arguments[0].value = ''", section);
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitUntil("the section filter is gone", () -> !browser.getCurrentUrl().contains("section=norske"));
    }

    @Test
    @Order(10)
    void aPeriodTypedInWordsIsReadAndTheStepsKeepTheFilters() throws Exception {
        open("/?status=new&q=menneskehandel");
        WebElement period = browser.findElement(By.cssSelector("input[name=period]"));
        period.clear();
        period.sendKeys("okt–des 2024", Keys.ENTER);
        waitUntil("2024-Q4 is shown", () -> browser.findElement(By.cssSelector("input[name=period]")).getAttribute("value")
                .equals("2024-Q4"));
        assertTrue(browser.getCurrentUrl().contains("status=new"), browser.getCurrentUrl());
        assertEquals("1. oktober–31. desember 2024", browser.findElement(By.id("period-range")).getText());
        browser.findElement(By.cssSelector(".period-nav a.step[aria-label=Neste]")).click();
        waitUntil("2025-Q1 is shown", () -> browser.findElement(By.cssSelector("input[name=period]")).getAttribute("value")
                .equals("2025-Q1"));
        assertTrue(browser.getCurrentUrl().contains("status=new") && browser.getCurrentUrl().contains("q=menneskehandel"),
                browser.getCurrentUrl());
        assertEquals("new", browser.findElement(By.cssSelector("select[name=status]")).getAttribute("value"));
        WebElement again = browser.findElement(By.cssSelector("input[name=period]"));
        again.clear();
        again.sendKeys("i fjor", Keys.ENTER);
        waitUntil("the message is shown", () -> !browser.findElements(By.id("period-error")).isEmpty());
        assertTrue(browser.findElement(By.id("period-error")).getText().startsWith("Forstod ikke perioden «i fjor»"));
        assertEquals("i fjor", browser.findElement(By.cssSelector("input[name=period]")).getAttribute("value"));
        assertEquals("Gjennomgang i fjor", browser.findElement(By.tagName("h1")).getText());
        screenshot("10-period-not-understood");
    }

    @Test
    @Order(11)
    void theCompactViewIsOneLineAnItemAndAcceptingDoesNotScroll() throws Exception {
        open("/");
        String sixth = browser.findElements(By.cssSelector("#s-norske article.item")).get(5).getAttribute("id");
        String fortieth = browser.findElements(By.cssSelector("#s-norske article.item[data-status=new]")).get(40).getAttribute("id");
        WebElement toggle = browser.findElement(By.id("compact-toggle"));
        assertEquals("Kompakt visning", browser.findElement(By.cssSelector("label[for=compact-toggle]")).getText());
        int before = browser.findElement(By.id(sixth)).getSize().getHeight();
        toggle.click();
        waitUntil("the cards are one line", () -> browser.findElement(By.id(sixth)).getSize().getHeight() < 60);
        assertTrue(before > 100, "a card is several lines otherwise: " + before);
        assertFalse(browser.findElement(By.id(sixth)).findElement(By.cssSelector(".summary")).isDisplayed());
        assertTrue(browser.findElement(By.id(sixth)).findElement(By.cssSelector("button.accept")).isDisplayed());
        assertTrue(browser.findElement(By.id(sixth)).findElement(By.cssSelector("button.reject")).isDisplayed());
        open("/"); // remembered
        waitUntil("still compact", () -> browser.findElement(By.id(sixth)).getSize().getHeight() < 60);
        assertTrue(browser.findElement(By.id("compact-toggle")).isSelected());
        screenshot("11-compact");

        WebElement card = browser.findElement(By.id(fortieth));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
        long scrolled = ((Number) browser.executeScript("return window.scrollY")).longValue();
        assertTrue(scrolled > 0);
        WebElement undecided = browser.findElement(By.cssSelector(".toc .total [data-count=new]"));
        int undecidedBefore = Integer.parseInt(undecided.getText());
        card.findElement(By.cssSelector("button.accept")).click();
        waitUntil("the card is accepted", () -> card.getAttribute("data-status").equals("accepted"));
        assertEquals(scrolled, ((Number) browser.executeScript("return window.scrollY")).longValue(), "the page did not scroll");
        assertEquals(String.valueOf(undecidedBefore - 1), undecided.getText(), "the undecided count follows");
        assertEquals(Boolean.TRUE, browser.executeScript("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", undecided), "and is in view");
        browser.findElement(By.id("compact-toggle")).click();
        waitUntil("full cards again", () -> browser.findElement(By.id(sixth)).getSize().getHeight() > 100);
    }

    @Test
    @Order(12)
    void thePageHasAHeadingNamedButtonsReadableRejectedCardsAndTopicsInWords() throws Exception {
        open("/");
        assertEquals("Gjennomgang 2025-Q1", browser.findElement(By.tagName("h1")).getText());
        WebElement jd = item("jd-1");
        String title = jd.findElement(By.cssSelector("h3.title .open")).getText();
        assertEquals("Ta med: " + title, jd.findElement(By.cssSelector("button.accept")).getAttribute("aria-label"));
        assertEquals("Avvis: " + title, jd.findElement(By.cssSelector("button.reject")).getAttribute("aria-label"));
        assertEquals("Nullstill: " + title, jd.findElement(By.cssSelector("button.reset")).getAttribute("aria-label"));
        assertEquals("Notat: " + title, jd.findElement(By.cssSelector("button[data-action=note]")).getAttribute("aria-label"));
        assertEquals("Rediger: " + title, jd.findElement(By.cssSelector("button[data-action=edit]")).getAttribute("aria-label"));
        // a name that follows an edit
        open("/?section=internasjonale");
        assertEquals("Ta med: FNs globale rapport om menneskehandel",
                item("un-1").findElement(By.cssSelector("button.accept")).getAttribute("aria-label"));

        open("/?status=rejected");
        WebElement rejected = item("evil-2");
        assertEquals("rejected", rejected.getAttribute("data-status"));
        for (String part : List.of("h3.title .open", ".summary", ".meta .source")) {
            double ratio = ((Number) browser.executeScript(CONTRAST, rejected.findElement(By.cssSelector(part)))).doubleValue();
            assertTrue(ratio >= 4.5, part + " of a rejected card has contrast " + ratio);
        }
        for (WebElement term : browser.findElements(By.cssSelector(".matched .term"))) {
            assertFalse(term.getText().contains(":") || term.getText().contains("*"), term.getText());
        }
    }

    /**
     * The contrast ratio (WCAG 2) of an element's text against what lies behind it, as drawn: the text
     * colour and every background up the tree blended by their alpha and the opacity of the ancestors.
     */
    private static final String CONTRAST = """
            const el = arguments[0];
            const rgba = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
            const over = (top, bottom, a) => top.map((v, i) => v * a + bottom[i] * (1 - a));
            const chain = [];
            for (let n = el; n && n.nodeType === 1; n = n.parentElement) chain.push(n);
            let back = [255, 255, 255];
            for (const n of chain.slice().reverse()) {
              const b = rgba(getComputedStyle(n).backgroundColor);
              const img = getComputedStyle(n).backgroundImage;
              if (img && img !== 'none') continue; // gradients are drawn from the card colour; the card's own colour stands
              back = over(b.slice(0, 3), back, b[3]);
            }
            let opacity = 1;
            for (const n of chain) opacity *= Number(getComputedStyle(n).opacity);
            const c = rgba(getComputedStyle(el).color);
            const text = over(c.slice(0, 3), back, c[3] * opacity);
            const lum = (rgb) => { const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const [l1, l2] = [lum(text), lum(back)].sort((a, b) => b - a);
            return (l1 + 0.05) / (l2 + 0.05);
            """;

    @Test
    @Order(13)
    void aDecisionSendsThePagesPeriodAndAnEarlierIssueShowsAsAHint() throws Exception {
        open("/?period=okt%E2%80%93des+2024");
        browser.executeScript("""
                window.kildevaktPosts = [];
                window.kildevaktEarlier = undefined;
                const original = window.fetch;
                window.fetch = async (url, options) => {
                  if (options && options.method === 'POST') window.kildevaktPosts.push(JSON.parse(options.body));
                  const response = await original(url, options);
                  if (window.kildevaktEarlier === undefined || !options || options.method !== 'POST') return response;
                  const json = await response.json();
                  json.earlier_issues = window.kildevaktEarlier;
                  return new Response(JSON.stringify(json), { status: response.status, headers: response.headers });
                };""");
        WebElement jd = item("jd-3");
        assertTrue(jd.findElement(By.cssSelector(".earlier")).getAttribute("hidden") != null, "no hint before the server gives one");
        jd.findElement(By.cssSelector("button.accept")).click();
        waitUntil("jd-3 is accepted", () -> jd.getAttribute("data-status").equals("accepted"));
        assertEquals("2024-Q4", browser.executeScript("return window.kildevaktPosts[0].period"));
        assertEquals("accepted", browser.executeScript("return window.kildevaktPosts[0].decision"));
        assertTrue(jd.findElement(By.cssSelector(".earlier")).getAttribute("hidden") != null, "an absent field is no hint");
        browser.executeScript("window.kildevaktEarlier = ['2024-Q3']");
        jd.findElement(By.cssSelector("button.reset")).click();
        waitUntil("the hint is shown", () -> jd.findElement(By.cssSelector(".earlier")).isDisplayed());
        assertEquals("tatt med i 2024-Q3", jd.findElement(By.cssSelector(".earlier")).getText());
        browser.executeScript("window.kildevaktEarlier = []");
        jd.findElement(By.cssSelector("button.reject")).click();
        waitUntil("an empty list hides it", () -> !jd.findElement(By.cssSelector(".earlier")).isDisplayed());
        assertEquals("2024-Q4", browser.executeScript("return window.kildevaktPosts[2].period"));
    }
}
