package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.kildevakt.store.LinkRecords.CheckOutcome;
import no.kildevakt.store.LinkRecords.Issue;
import no.kildevakt.store.LinkRecords.IssueLink;
import no.kildevakt.store.LinkRecords.LinkCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Past issues and link history (schema v4). */
class LinkRecordsTest {
    private static final Instant D1 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant D2 = Instant.parse("2025-03-02T08:00:00Z");
    private static final Instant D3 = Instant.parse("2025-03-03T08:00:00Z");
    private static final Instant D4 = Instant.parse("2025-03-04T08:00:00Z");
    private static final String URL = "https://www.regjeringen.no/no/dokumenter/plan/id1/";

    @TempDir
    Path dir;

    private Store store;
    private LinkRecords links;

    @BeforeEach
    void open() throws StoreException {
        store = Store.open(dir.resolve("k.db"));
        links = store.links();
    }

    @AfterEach
    void close() throws StoreException {
        store.close();
    }

    private static IssueLink link(String url, String location) {
        return new IssueLink(url, url.replaceFirst("#.*", ""), location, "anker");
    }

    private LinkCheck record(String status, Instant at) throws StoreException {
        return links.record(List.of(new CheckOutcome(URL, LinkStatus.ofCode(status), status.equals("ok") ? 200 : 404, null,
                status.equals("ok") ? null : "HTTP 404 Not Found", at))).get(URL);
    }

    /**
     * More URLs than one look-up asks for, some stored before, one twice in the same batch: each moves
     * on from its own stored state, and {@code checks} answers in the order it was asked.
     */
    @Test
    void aBatchOfManyUrlsMovesEachOnFromItsOwnHistory() throws StoreException {
        List<String> urls = java.util.stream.IntStream.range(0, 1203).mapToObj(i -> "https://example.org/p/" + i).toList();
        links.record(urls.stream().filter(u -> u.hashCode() % 3 == 0)
                .map(u -> new CheckOutcome(u, LinkStatus.BROKEN, 404, null, "HTTP 404 Not Found", D1)).toList());
        List<CheckOutcome> batch = new java.util.ArrayList<>(urls.stream()
                .map(u -> new CheckOutcome(u, LinkStatus.BROKEN, 404, null, "HTTP 404 Not Found", D2)).toList());
        batch.add(new CheckOutcome(urls.get(1202), LinkStatus.OK, 200, null, null, D3));
        Map<String, LinkCheck> now = links.record(batch);
        for (String u : urls.subList(0, 1202)) {
            boolean before = u.hashCode() % 3 == 0;
            LinkCheck k = now.get(u);
            assertEquals(before ? 2 : 1, k.checks(), u);
            assertEquals(before ? 2 : 1, k.consecutiveFailures(), u);
            assertEquals(before ? D1 : D2, k.firstSeenBroken(), u);
            assertEquals(before ? D1 : D2, k.firstChecked(), u);
        }
        LinkCheck twice = now.get(urls.get(1202));
        boolean before = urls.get(1202).hashCode() % 3 == 0;
        assertEquals(before ? 3 : 2, twice.checks());
        assertEquals(LinkStatus.OK, twice.status());
        assertEquals(D3, twice.lastOk());
        assertNull(twice.firstSeenBroken());
        List<String> asked = new java.util.ArrayList<>(urls);
        java.util.Collections.reverse(asked);
        asked.add(1, "https://example.org/never-checked");
        Map<String, LinkCheck> found = links.checks(asked);
        assertEquals(asked.stream().filter(u -> !u.endsWith("never-checked")).toList(), List.copyOf(found.keySet()));
        assertEquals(now, Map.copyOf(found));
    }

    @Test
    void anIssueIsStoredWithItsLinksInOrder() throws StoreException {
        long id = links.saveIssue("issues/2024-4.pdf", "Nyhetsbrev 4/2024", "2024-Q4", "pdf",
                List.of(link(URL + "#a", "page 1"), link("mailto:post@example.org", "page 2"), link(URL, "page 3")), D1);
        List<Issue> issues = links.issues();
        assertEquals(1, issues.size());
        Issue issue = issues.get(0);
        assertEquals(id, issue.id());
        assertEquals("Nyhetsbrev 4/2024", issue.title());
        assertEquals("2024-Q4", issue.period());
        assertEquals(3, issue.links());
        assertEquals(0, issue.broken());
        List<LinkRecords.CitedLink> cited = links.citedLinks();
        assertEquals(List.of("page 1", "page 2", "page 3"), cited.stream().map(c -> c.link().location()).toList());
        assertEquals(URL, cited.get(0).link().checkUrl());
        assertEquals(URL + "#a", cited.get(0).link().url());
    }

    @Test
    void addingTheSameSourceAgainReplacesItAndKeepsItsId() throws StoreException {
        long first = links.saveIssue("a.html", "Old", null, "html", List.of(link(URL, "line 1"), link(URL, "line 9")), D1);
        long second = links.saveIssue("a.html", "New", "2025-01", "html", List.of(link(URL, "line 2")), D2);
        assertEquals(first, second);
        Issue issue = links.issues().get(0);
        assertEquals("New", issue.title());
        assertEquals(1, issue.links());
        assertEquals(D1, issue.addedAt());
        assertEquals(D2, issue.updatedAt());
    }

    @Test
    void brokenCountsFollowTheLatestCheck() throws StoreException {
        links.saveIssue("a.html", "A", null, "html", List.of(link(URL, "line 1"), link(URL + "#x", "line 2")), D1);
        record("broken", D1);
        assertEquals(2, links.issues().get(0).broken());
        record("ok", D2);
        assertEquals(0, links.issues().get(0).broken());
    }

    @Test
    void aLinkThatStaysBrokenIsDeadSinceTheFirstTime() throws StoreException {
        record("ok", D1);
        LinkCheck once = record("broken", D2);
        assertEquals(D2, once.firstSeenBroken());
        assertEquals(1, once.consecutiveFailures());
        LinkCheck twice = record("broken", D3);
        assertEquals(D2, twice.firstSeenBroken(), "dead since the first failure");
        assertEquals(D1, twice.lastOk());
        assertEquals(2, twice.consecutiveFailures());
        assertEquals(3, twice.checks());
        assertEquals(D1, twice.firstChecked());
        assertFalse(twice.flaky());
    }

    @Test
    void aLinkThatRecoversAndFailsAgainIsFlaky() throws StoreException {
        record("broken", D1);
        LinkCheck recovered = record("ok", D2);
        assertNull(recovered.firstSeenBroken());
        assertEquals(0, recovered.consecutiveFailures());
        assertTrue(recovered.flaky());
        LinkCheck again = record("broken", D3);
        assertEquals(D3, again.firstSeenBroken());
        assertEquals(1, again.consecutiveFailures());
        assertEquals(2, again.failures());
        assertTrue(again.flaky());
    }

    @Test
    void blockedSaysNothingAboutTheLinkAndLeavesTheHistory() throws StoreException {
        record("broken", D1);
        record("broken", D2);
        LinkCheck blocked = record("blocked", D3);
        assertEquals("blocked", blocked.status().code());
        assertEquals(2, blocked.consecutiveFailures());
        assertEquals(D1, blocked.firstSeenBroken());
        LinkCheck error = record("error", D4);
        assertEquals(3, error.consecutiveFailures());
        assertEquals(D1, error.firstSeenBroken());
    }

    @Test
    void historySurvivesReopeningTheDatabase() throws StoreException {
        record("broken", D1);
        store.close();
        store = Store.open(dir.resolve("k.db"));
        links = store.links();
        record("broken", D2);
        Map<String, LinkCheck> checks = links.checks(List.of(URL, "https://never.checked/"));
        assertEquals(1, checks.size());
        assertEquals(D1, checks.get(URL).firstSeenBroken());
        assertEquals(2, checks.get(URL).consecutiveFailures());
        assertEquals(D2, checks.get(URL).checkedAt());
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CheckOutcome(URL, LinkStatus.ofCode("dead"), 404, null, null, D1));
    }

    /**
     * What a URL's record must say after all of {@code history} (oldest first), read off the whole run
     * rather than step by step as {@link LinkRecords#record} moves it: "last ok" is the last working
     * result; the failures since it (broken, error) are the run; "first seen broken" is the first broken
     * result since it; blocked and skipped count as checks only.
     */
    private static LinkCheck expectedFrom(List<CheckOutcome> history) {
        CheckOutcome last = history.get(history.size() - 1);
        Instant lastOk = null;
        int lastOkAt = -1;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).status().works()) {
                lastOk = history.get(i).checkedAt();
                lastOkAt = i;
            }
        }
        List<CheckOutcome> since = history.subList(lastOkAt + 1, history.size());
        Instant firstSeenBroken = since.stream().filter(o -> o.status() == LinkStatus.BROKEN).map(CheckOutcome::checkedAt)
                .findFirst().orElse(null);
        int run = (int) since.stream().filter(o -> o.status().fails()).count();
        int failures = (int) history.stream().filter(o -> o.status().fails()).count();
        return new LinkCheck(last.url(), last.status(), last.httpStatus(), last.finalUrl(), last.error(), last.checkedAt(),
                history.get(0).checkedAt(), firstSeenBroken, lastOk, run, history.size(), failures);
    }

    /** Random runs of every status over a few links, in batches, against what each whole run must give. */
    @Test
    void theHistoryFollowsItsRuleThroughEveryKindOfRun() throws StoreException {
        java.util.Random random = new java.util.Random(404);
        LinkStatus[] statuses = LinkStatus.values();
        Map<String, List<CheckOutcome>> histories = new java.util.HashMap<>();
        Instant at = D1;
        for (int batch = 0; batch < 60; batch++) {
            List<CheckOutcome> outcomes = new java.util.ArrayList<>();
            java.util.Set<String> inBatch = new java.util.HashSet<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                String url = URL + "?n=" + random.nextInt(5);
                if (!inBatch.add(url)) {
                    continue; // a run records each URL once
                }
                LinkStatus status = statuses[random.nextInt(statuses.length)];
                at = at.plusSeconds(60 + random.nextInt(3600));
                CheckOutcome o = new CheckOutcome(url, status, status.works() ? 200 : random.nextBoolean() ? 0 : 404,
                        random.nextBoolean() ? null : url + "/flyttet", random.nextBoolean() ? null : "grunn " + batch, at);
                outcomes.add(o);
                histories.computeIfAbsent(url, u -> new java.util.ArrayList<>()).add(o);
            }
            Map<String, LinkCheck> now = links.record(outcomes);
            for (CheckOutcome o : outcomes) {
                assertEquals(expectedFrom(histories.get(o.url())), now.get(o.url()), "batch " + batch + ", " + o);
            }
        }
        Map<String, LinkCheck> stored = links.checks(histories.keySet());
        histories.forEach((url, history) -> assertEquals(expectedFrom(history), stored.get(url), url));
    }
}
