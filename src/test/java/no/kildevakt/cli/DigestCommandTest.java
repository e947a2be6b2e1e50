package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kildevakt.item.Item;
import no.kildevakt.store.DigestLog;
import no.kildevakt.store.ItemQuery;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.Round;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.Store;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest} and {@code draft} end to end: a feeds.yml, a database filled by crawl rounds, the commands' output and exit codes. */
class DigestCommandTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant MARCH_6 = Instant.parse("2025-03-06T09:00:00Z");
    private static final Instant MARCH_20 = Instant.parse("2025-03-20T09:00:00Z");

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("k.db");
        writeConfig(mailBlock(SMTP.getSmtp().getPort()));
        try (Store store = Store.open(db)) {
            round(store, "reg-jd", "norske", MARCH_20, List.of(
                    item("plan", "https://www.regjeringen.no/no/aktuelt/plan/id1/", "Ny handlingsplan mot menneskehandel",
                            "Regjeringen la fram en plan mot menneskehandel og tvangsarbeid. Den gjelder fra i dag. Mer kommer senere.", MARCH_6),
                    item("budsjett", "https://www.regjeringen.no/no/aktuelt/budsjett/id2/", "Statsbudsjettet for landbruket",
                            "Bevilgninger til jordbruksavtalen.", MARCH_20)));
            round(store, "ilo", "internasjonale", MARCH_20, List.of(
                    item("ilo", "https://www.ilo.org/resource/news/forced-labour", "<script>alert(1)</script> Forced labour and human trafficking",
                            "New ILO estimates of forced labour.", MARCH_20)));
            round(store, "events", "arrangementer", Instant.parse("2025-01-10T09:00:00Z"), List.of(
                    item("konf", "https://example.no/konferanse", "Nordisk konferanse om menneskehandel", "Konferanse i Oslo.",
                            Instant.parse("2025-01-10T09:00:00Z")).withEventDate(LocalDate.parse("2025-04-22"))));
        }
    }

    private void writeConfig(String mail) throws IOException {
        Files.writeString(dir.resolve("feeds.yml"), """
                settings:
                  contact: "test@example.org"
                sources:
                  - {id: reg-jd, name: Justis- og beredskapsdepartementet, url: "https://www.regjeringen.no/jd.rss", section: norske}
                  - {id: ilo, name: ILO, url: "https://www.ilo.org/rss", section: internasjonale}
                  - {id: events, name: Kalender, url: "https://example.no/events.rss", section: arrangementer}
                """ + mail);
    }

    private static String mailBlock(int port) {
        return """
                mail:
                  host: 127.0.0.1
                  port: %d
                  starttls: false
                  from: kildevakt@example.no
                  to: [redaksjonen@example.no]
                """.formatted(port);
    }

    private static Item item(String key, String url, String title, String summary, Instant published) {
        return new Item(key, url, null, title, summary, published, null);
    }

    private static void round(Store store, String source, String section, Instant at, List<Item> items) throws Exception {
        Instant end = at.plusSeconds(1);
        SourceState state = new SourceState(source, null, null, at, end, Outcome.OK, null, 0, items.size(), items.size(), null, null);
        store.items().recordRound(new Round(source, section, at, end, Outcome.OK, 200, null, "https://example.org/" + source, 100, items, state));
    }

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("feeds.yml"), db, args);
    }

    private static List<String> titles(JsonNode digest) {
        List<String> titles = new ArrayList<>();
        digest.get("items").forEach(i -> titles.add(i.get("title").asText()));
        return titles;
    }

    private long id(String title) throws Exception {
        try (Store store = Store.open(db)) {
            return store.items().list(ItemQuery.all()).stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow().id();
        }
    }

    private Optional<DigestLog.Delivery> lastDelivery() throws Exception {
        try (Store store = Store.open(db)) {
            return store.digests().last();
        }
    }

    // ---------------------------------------------------------------- digest

    @Test
    void jsonDigestOfAQuarterIsRankedGroupedAndScored() throws Exception {
        CliRun r = run("digest", "--period", "2025-Q1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode digest = r.json();
        // sections in the newsletter's order; the budget is below the threshold; the April event counts in Q1
        assertEquals(List.of("Ny handlingsplan mot menneskehandel", "<script>alert(1)</script> Forced labour and human trafficking",
                "Nordisk konferanse om menneskehandel"), titles(digest));
        JsonNode plan = digest.get("items").get(0);
        assertEquals("norske", plan.get("section").asText());
        assertEquals("2025-03-06", plan.get("published").asText());
        assertTrue(plan.get("score").asDouble() > 0, plan.toString());
        assertTrue(plan.get("matched").size() > 0, plan.toString());
        assertEquals("2025-04-22", digest.get("items").get(2).get("event_date").asText());
        assertEquals("2025-01-01", digest.get("period").get("first_day").asText());
        assertEquals(List.of("norske", "internasjonale", "arrangementer"),
                List.of(digest.get("sections").get(0).get("id").asText(), digest.get("sections").get(1).get("id").asText(),
                        digest.get("sections").get(2).get("id").asText()));

        CliRun all = run("digest", "--from", "2025-03-01", "--to", "2025-03-31", "--format", "json", "--all");
        assertEquals(0, all.code(), all.err());
        assertTrue(titles(all.json()).contains("Statsbudsjettet for landbruket"), all.out());
    }

    @Test
    void markdownIsTheDefaultAndHtmlGoesToAFile() throws Exception {
        CliRun md = run("digest", "--period", "2025-03");
        assertEquals(0, md.code(), md.err());
        assertTrue(md.out().startsWith("# kildevakt: 3 nye saker 1.–31. mars 2025\n"), md.out());
        assertTrue(md.out().contains("## Aktuelle norske tiltak, rapporter og forskning"), md.out());
        assertTrue(md.out().contains("### [Ny handlingsplan mot menneskehandel](<https://www.regjeringen.no/no/aktuelt/plan/id1/>)"), md.out());
        assertTrue(md.out().contains("\\<script\\>"), md.out());

        Path file = dir.resolve("digest.html");
        CliRun html = run("digest", "--period", "2025-03", "--format", "html", "--output", file.toString());
        assertEquals(0, html.code(), html.err());
        assertEquals("", html.out());
        var page = Jsoup.parse(Files.readString(file));
        assertEquals(3, page.select("h3").size());
        assertTrue(page.select("script").isEmpty());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void statusFilterTakesCommaListsAndRepeats() throws Exception {
        try (Store store = Store.open(db)) {
            store.decisions().decide(id("Ny handlingsplan mot menneskehandel"), "rejected", "sett før", Instant.now());
        }
        assertFalse(titles(run("digest", "--period", "2025-Q1", "--format", "json").json()).contains("Ny handlingsplan mot menneskehandel"));
        assertEquals(List.of("Ny handlingsplan mot menneskehandel"),
                titles(run("digest", "--period", "2025-Q1", "--format", "json", "--status", "rejected").json()));
        assertEquals(3, titles(run("digest", "--period", "2025-Q1", "--format", "json", "--status", "new,rejected").json()).size());
        assertEquals(3, titles(run("digest", "--period", "2025-Q1", "--format", "json", "--status", "new", "--status", "rejected").json()).size());
    }

    @Test
    void badOptionsAreUsageErrors() {
        for (String[] args : List.of(
                new String[] {"digest"},
                new String[] {"digest", "--from", "2025-03-02", "--to", "2025-03-01"},
                new String[] {"digest", "--from", "2025-03-01"},
                new String[] {"digest", "--to", "2025-03-01"},
                new String[] {"digest", "--from", "1. mars", "--to", "2025-03-01"},
                new String[] {"digest", "--period", "2025-Q5"},
                new String[] {"digest", "--period", "2025-Q1", "--since-last"},
                new String[] {"digest", "--period", "2025-Q1", "--from", "2025-01-01", "--to", "2025-01-02"},
                new String[] {"digest", "--period", "2025-Q1", "--format", "pdf"},
                new String[] {"digest", "--period", "2025-Q1", "--status", "pending"},
                new String[] {"draft", "--period", "2025-Q1", "--format", "json"},
                new String[] {"draft", "--since-last"},
                new String[] {"draft"})) {
            CliRun r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().isBlank(), String.join(" ", args));
            assertEquals("", r.out(), String.join(" ", args));
        }
        CliRun order = run("digest", "--from", "2025-03-02", "--to", "2025-03-01");
        assertTrue(order.err().contains("--from 2025-03-02 is after --to 2025-03-01"), order.err());
    }

    @Test
    void anUnwritableOutputIsOneLineAndRecordsNothing() throws Exception {
        CliRun r = run("digest", "--period", "2025-03", "--mark-delivered", "--output", dir.resolve("no/such/folder/d.md").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("cannot write"), r.err());
        assertTrue(r.err().contains("no such folder"), "names the cause, not the temporary file: " + r.err());
        assertEquals(Optional.empty(), lastDelivery());
    }

    @Test
    void aMissingDatabaseIsAnErrorNotAnEmptyDigest() {
        db = dir.resolve("nope.db");
        CliRun r = run("digest", "--period", "2025-Q1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no database"), r.err());
    }

    @Test
    void helpSaysTheLastDayIsIncluded() {
        CliRun digest = run("digest", "--help");
        assertEquals(0, digest.code());
        assertTrue(digest.out().contains("last day of the period, included"), digest.out());
        assertTrue(digest.out().contains("--since-last") && digest.out().contains("last 7 days"), digest.out());
        CliRun draft = run("draft", "--help");
        assertEquals(0, draft.code());
        assertTrue(draft.out().contains("se her"), draft.out());
    }

    // ---------------------------------------------------------------- mail and --since-last

    @Test
    void mailedDigestIsRecordedAndSinceLastContinuesFromIt() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Store store = Store.open(db)) {
            round(store, "reg-jd", "norske", now.minusSeconds(3600), List.of(item("ny", "https://www.regjeringen.no/no/aktuelt/ny/id3/",
                    "Kripos: flere saker om menneskehandel", "Kripos melder om flere saker om menneskehandel.", now.minusSeconds(7200))));
        }
        CliRun first = run("digest", "--since-last", "--mail");
        assertEquals(0, first.code(), first.err());
        assertEquals("", first.out());
        assertTrue(first.err().contains("mailed 1 items"), first.err());
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        assertTrue(received[0].getSubject().startsWith("kildevakt: 1 ny sak "), received[0].getSubject());
        DigestLog.Delivery delivery = lastDelivery().orElseThrow();
        assertEquals(1, delivery.items());
        assertEquals("redaksjonen@example.no", delivery.recipients());
        // the first run covers the last week
        assertTrue(Math.abs(delivery.to().minus(java.time.Duration.ofDays(7)).getEpochSecond() - delivery.from().getEpochSecond()) < 2);

        // nothing new since: no mail, nothing recorded
        CliRun second = run("digest", "--since-last", "--mail");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("no mail sent"), second.err());
        assertEquals(1, SMTP.getReceivedMessages().length);
        assertEquals(delivery, lastDelivery().orElseThrow());

        // printed digests continue from the mailed one
        CliRun printed = run("digest", "--since-last", "--format", "json");
        assertEquals(List.of(), titles(printed.json()));
        assertEquals(delivery.to().toString(), printed.json().get("period").get("from").asText());
    }

    @Test
    void markDeliveredRecordsAPrintedDigest() throws Exception {
        assertEquals(0, run("digest", "--period", "2025-03").code());
        assertEquals(Optional.empty(), lastDelivery(), "a printed digest is not delivered unless marked");
        CliRun r = run("digest", "--period", "2025-03", "--mark-delivered", "--format", "html");
        assertEquals(0, r.code(), r.err());
        DigestLog.Delivery d = lastDelivery().orElseThrow();
        assertEquals(Instant.parse("2025-02-28T23:00:00Z"), d.from());
        assertEquals(Instant.parse("2025-03-31T22:00:00Z"), d.to());
        assertEquals("html", d.format());
        assertEquals(3, d.items());
    }

    @Test
    void aDeliveredPeriodReachingIntoTheFutureEndsNowSoSinceLastStillWorks() throws Exception {
        String thisYear = Integer.toString(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).getYear());
        Instant before = Instant.now();
        assertEquals(0, run("digest", "--period", thisYear, "--mark-delivered").code());
        DigestLog.Delivery d = lastDelivery().orElseThrow();
        assertFalse(d.to().isBefore(before) || d.to().isAfter(Instant.now()), d.toString());
        CliRun next = run("digest", "--since-last");
        assertEquals(0, next.code(), next.err());
    }

    @Test
    void unreachableMailServerExitsOneAndRecordsNothing() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        writeConfig(mailBlock(closed));
        CliRun r = run("digest", "--period", "2025-03", "--mail");
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("127.0.0.1:" + closed) && r.err().contains("not recorded as delivered"), r.err());
        assertEquals(Optional.empty(), lastDelivery());
    }

    @Test
    void mailWithoutAMailBlockIsAConfigurationError() throws Exception {
        writeConfig("");
        CliRun r = run("digest", "--period", "2025-03", "--mail");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("mail:"), r.err());
        assertEquals(Optional.empty(), lastDelivery());
    }

    @Test
    void aMissingPasswordVariableIsAConfigurationError() throws Exception {
        writeConfig(mailBlock(SMTP.getSmtp().getPort()) + "  username: kv\n  password_env: KV_PW\n");
        CliRun r = run("digest", "--period", "2025-03", "--mail");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("KV_PW"), r.err());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    // ---------------------------------------------------------------- draft and items

    @Test
    void draftUsesCandidatesUntilItemsAreAcceptedThenOnlyThose() throws Exception {
        CliRun candidates = run("draft", "--period", "2025-Q1");
        assertEquals(0, candidates.code(), candidates.err());
        assertTrue(candidates.out().startsWith("# Utkast til nyhetsbrev januar–mars 2025\n"), candidates.out());
        // in the house style: who published what and when, the summary's opening, then "se her" linked
        assertTrue(candidates.out().contains("### Ny handlingsplan mot menneskehandel\n\n"), candidates.out());
        assertTrue(candidates.out().contains(" publiserte i mars handlingsplanen «Ny handlingsplan mot menneskehandel». "
                + "Regjeringen la fram en plan mot menneskehandel og tvangsarbeid. Den gjelder fra i dag, "
                + "[se her](<https://www.regjeringen.no/no/aktuelt/plan/id1/>)."), candidates.out());
        assertTrue(candidates.out().contains("22. april 2025"), candidates.out());
        assertTrue(candidates.out().contains("[se her](<https://example.no/konferanse>)."), candidates.out());
        assertTrue(candidates.err().contains("candidates"), candidates.err());

        long budget = id("Statsbudsjettet for landbruket");
        try (Store store = Store.open(db)) {
            store.decisions().decide(budget, "accepted", null, Instant.now());
            store.decisions().edit(budget, "Mer penger til kontroll i landbruket", null);
        }
        Path file = dir.resolve("utkast.html");
        CliRun accepted = run("draft", "--from", "2025-01-01", "--to", "2025-03-31", "--format", "html", "--output", file.toString());
        assertEquals(0, accepted.code(), accepted.err());
        var page = Jsoup.parse(Files.readString(file));
        assertEquals(List.of("Mer penger til kontroll i landbruket"), page.select("h3").eachText());
        assertEquals(List.of("Aktuelle norske tiltak, rapporter og forskning"), page.select("h2").eachText());
        assertEquals("se her", page.select("a").text());
        assertTrue(accepted.err().contains("1 accepted items"), accepted.err());
    }

    @Test
    void itemsJsonHasScoresFromTheSameRanking() throws Exception {
        CliRun r = run("items", "--json");
        assertEquals(0, r.code(), r.err());
        for (JsonNode item : r.json().get("items")) {
            assertTrue(item.get("score").isNumber(), item.toString());
            if (item.get("title").asText().startsWith("Ny handlingsplan")) {
                assertTrue(item.get("score").asDouble() > 0 && item.get("matched").size() > 0, item.toString());
            }
        }
        assertEquals(4, r.json().get("items").size());
    }
}
