package no.kildevakt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path FEEDS = Path.of("feeds.yml");
    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    // ---- valid files ---------------------------------------------------------------------------

    @Test
    void fullFileRoundTripsIntoRecords() throws Exception {
        Path file = resource("feeds-full.yml");
        Config config = loader.load(file);

        assertEquals(file, config.file());
        assertEquals(new Settings("kildevakt/1.0 (+mailto:redaksjonen@example.no)", Duration.ofMillis(500),
                Duration.ofSeconds(20), 2L * 1024 * 1024, Duration.ofHours(12), 3, Duration.ofSeconds(90), 5, 4),
                config.settings());
        assertEquals(List.of(
                new Section("norske", "Aktuelle norske tiltak, rapporter og forskning", false),
                new Section("arrangementer", "Kommende arrangementer", true)), config.sections());
        assertEquals(List.of(
                new Topic("menneskehandel", 10, List.of("menneskehandel*", "human trafficking"), List.of("drug trafficking")),
                new Topic("tvangsarbeid", 1, List.of("tvangsarbeid"), List.of())), config.topics());

        assertEquals(3, config.sources().size());
        assertEquals(new SourceConfig("reg-jd", "Justis- og beredskapsdepartementet",
                URI.create("https://www.regjeringen.no/no/rss/Rss/2581966/?documentType=aktuelt/nyheter&owner=463"),
                SourceType.FEED, "norske", Map.of(), Optional.of(Duration.ofDays(1)), 1.5, 21), config.sources().get(0));
        SourceConfig html = config.source("reg-horinger").orElseThrow();
        assertEquals("reg-horinger", html.name(), "name defaults to the id");
        assertEquals(SourceType.HTML, html.type());
        assertEquals(2.0, html.weight());
        assertEquals(Optional.empty(), html.interval());
        assertEquals(Map.of("item", "li.listItem", "title", "a", "link", "a", "date", "span.date", "summary", "p.excerpts"),
                html.select());
        assertEquals(28, html.line());
        assertEquals("www.regjeringen.no", html.host());
        SourceConfig json = config.sources().get(2);
        assertEquals(SourceType.JSON, json.type());
        assertEquals(URI.create("http://example.org/events.json"), json.url());
        assertEquals("arrangementer", json.section());
        assertEquals(1.0, json.weight());
        assertEquals(39, json.line());
    }

    @Test
    void minimalFileGetsEveryDefault() throws Exception {
        Config config = parse("""
                sources:
                  - id: reg-jd
                    url: https://www.regjeringen.no/no/rss/Rss/2581966/
                    section: verdt
                """);
        assertEquals(Settings.defaults(), config.settings());
        assertEquals(Section.defaults(), config.sections());
        assertEquals(List.of(), config.topics());
        assertEquals(new SourceConfig("reg-jd", "reg-jd", URI.create("https://www.regjeringen.no/no/rss/Rss/2581966/"),
                SourceType.FEED, "verdt", Map.of(), Optional.empty(), 1.0, 2), config.sources().get(0));
    }

    @Test
    void defaultSectionsAreTheFourNewsletterSectionsInOrder() {
        assertEquals(List.of(
                new Section("verdt", "Verdt å merke seg", false),
                new Section("norske", "Aktuelle norske tiltak, rapporter og forskning", false),
                new Section("internasjonale", "Aktuelle internasjonale tiltak, rapporter og forskning", false,
                        List.of("UNODC", "OSSE", "EMD", "GRETA", "Europol", "EU", "Østersjørådet", "Sverige", "Danmark", "Finland")),
                new Section("arrangementer", "Kommende arrangementer", true)), Section.defaults());
    }

    @Test
    void contactBuildsTheUserAgentAndOtherSettingsKeepDefaults() throws Exception {
        Config config = parse("""
                settings:
                  contact: redaksjonen@example.no
                  timeout: 5s
                  max_body: 1048576
                sources: [{id: a, url: "https://a.no/", section: norske}]
                """);
        Settings expected = Settings.defaults().withTimeout(Duration.ofSeconds(5)).withMaxBody(1024 * 1024);
        assertEquals(new Settings(Settings.userAgentFor("redaksjonen@example.no"), expected.perHostDelay(), expected.timeout(),
                expected.maxBody(), expected.interval(), expected.retries(), expected.maxRetryAfter(),
                expected.maxRedirects(), expected.concurrency()), config.settings());
        assertTrue(config.settings().userAgent().endsWith("(+redaksjonen@example.no)"));
    }

    @Test
    void blocksWithEveryEntryCommentedOutCountAsAbsent() throws Exception {
        Config config = parse("""
                settings:
                #  timeout: 5s
                sections:
                topics:
                sources:
                  - id: a
                    url: https://a.no/
                    section: arrangementer
                """);
        assertEquals(Settings.defaults(), config.settings());
        assertEquals(Section.defaults(), config.sections());
        assertEquals(List.of(), config.topics());
    }

    @Test
    void anchorsMergeKeysQuotedNumbersAndDollarTextAreAccepted() throws Exception {
        Config config = parse("""
                sources:
                  - &base
                    id: a
                    name: "2024 ${YEAR}"
                    url: https://a.no/liste
                    type: html
                    section: norske
                    select: &sel {item: li.listItem, link: a}
                  - <<: *base
                    id: b
                    select: *sel
                """);
        SourceConfig b = config.source("b").orElseThrow();
        assertEquals("2024 ${YEAR}", b.name(), "quoted numbers and ${...} are plain text");
        assertEquals(Map.of("item", "li.listItem", "link", "a"), b.select());
        assertEquals(URI.create("https://a.no/liste"), b.url());
        assertEquals(9, b.line());
    }

    @Test
    void zeroDelaysAreAllowedWhereZeroMeansNone() throws Exception {
        Config config = parse("""
                settings: {per_host_delay: 0s, max_retry_after: 0s, retries: 0, max_redirects: 0}
                sources: [{id: a, url: "https://a.no/", section: norske}]
                """);
        assertEquals(Duration.ZERO, config.settings().perHostDelay());
        assertEquals(Duration.ZERO, config.settings().maxRetryAfter());
        assertEquals(0, config.settings().retries());
        assertEquals(0, config.settings().maxRedirects());
    }

    @Test
    void maxCrawlTimeBoundsACrawlAndDefaultsToTenMinutes() throws Exception {
        assertEquals(Duration.ofMinutes(10), parse(withSettings("timeout: 5s")).settings().maxCrawlTime());
        assertEquals(Duration.ofMinutes(45), parse(withSettings("max_crawl_time: 45m")).settings().maxCrawlTime());
        assertError("feeds.yml:2: settings.max_crawl_time: must be longer than 0s", withSettings("max_crawl_time: 0s"));
        assertError("feeds.yml:2: settings.max_crawl_time: \"10\" has no unit; write e.g. 10s or 10m (units: ms, s, m, h, d)",
                withSettings("max_crawl_time: 10"));
        assertError("feeds.yml:2: settings.max_crawl_time: \"2d\" is longer than the most allowed, 1d",
                withSettings("max_crawl_time: 2d"));
    }

    @Test
    void reviewGraceIsHowLongThePreviousQuarterStaysTheReviewPagesDefault() throws Exception {
        assertEquals(Duration.ofDays(42), parse(withSettings("timeout: 5s")).settings().reviewGrace(), "six weeks by default");
        assertEquals(Duration.ofDays(42), Settings.defaults().reviewGrace());
        assertEquals(Duration.ofDays(14), parse(withSettings("review_grace: 2w")).settings().reviewGrace());
        assertEquals(Duration.ofDays(10), parse(withSettings("review_grace: 10d")).settings().reviewGrace());
        assertEquals(Duration.ZERO, parse(withSettings("review_grace: 0")).settings().reviewGrace(), "0: always the current quarter");
        assertEquals(Duration.ZERO, parse(withSettings("review_grace: 0s")).settings().reviewGrace());
        assertError("feeds.yml:2: settings.review_grace: \"13w\" is longer than the most allowed, 84d",
                withSettings("review_grace: 13w"));
        assertError("feeds.yml:2: settings.review_grace: \"6\" has no unit; write e.g. 6s or 6m (units: ms, s, m, h, d)",
                withSettings("review_grace: 6"));
        assertError("feeds.yml:2: settings.review_grace: expected a duration such as 30s, got a list",
                withSettings("review_grace: [6w]"));
    }

    @Test
    void proxyIsOneUrlForBothSchemesWithHostsThatGoDirect() throws Exception {
        assertEquals(Proxies.UNSET, parse(withSettings("timeout: 5s")).settings().proxies(), "none unless named");
        Proxies p = parse(withSettings("proxy: proxy.example.no:3128", "no_proxy: [intranett.example.no, 10.0.0.0/8]")).settings().proxies();
        assertEquals(java.net.URI.create("http://proxy.example.no:3128"), p.https());
        assertEquals(p.https(), p.http());
        assertEquals(List.of("intranett.example.no", "10.0.0.0/8"), p.noProxy());
        assertEquals("feeds.yml settings.proxy", p.from());
        assertEquals(List.of("a.no", "b.no"), parse(withSettings("proxy: http://p:1", "no_proxy: \"a.no, b.no\"")).settings().proxies().noProxy());
        assertTrue(parse(withSettings("proxy: none")).settings().proxies().isSet(), "none: not the environment's either");
        assertError("feeds.yml:2: settings.proxy: \"https://proxy.example.no\": a proxy spoken to over TLS (https://) is not supported;"
                + " use http://host:port or socks5://host:port", withSettings("proxy: https://proxy.example.no"));
        assertError("feeds.yml:2: settings.no_proxy: goes with proxy, which is not set here", withSettings("no_proxy: [a.no]"));
    }

    @Test
    void byteOrderMarkIsIgnored() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, "\uFEFFsources: [{id: a, url: \"https://a.no/\", section: norske}]\n");
        assertEquals("a", loader.load(file).sources().get(0).id());
    }

    // ---- the message format: file:line: path: problem ------------------------------------------

    @Test
    void unknownSectionNamesLineFieldAndKnownSections() {
        assertError("feeds.yml:10: sources[2].section: unknown section \"nosrke\" (known: verdt, norske, internasjonale, arrangementer)", """
                sources:
                  - id: a
                    url: https://a.no/rss
                    section: norske
                  - id: b
                    url: https://b.no/rss
                    section: verdt
                  - id: c
                    url: https://c.no/rss
                    section: nosrke
                """);
    }

    @Test
    void unknownSectionListsDeclaredSectionsWhenSectionsAreGiven() {
        assertError("feeds.yml:5: sources[0].section: unknown section \"verdt\" (known: norske, utland)", """
                sections: [{id: norske, title: Norske}, {id: utland, title: Utland}]
                sources:
                  - id: a
                    url: https://a.no/rss
                    section: verdt
                """);
    }

    @Test
    void misspeltKeyGetsASuggestionAndTheAllowedKeys() {
        assertError("feeds.yml:4: sources[0].sektion: unknown key; did you mean \"section\"? "
                + "(allowed: id, name, url, type, section, interval, weight, select, date_from_url, pages, enrich, group)", """
                sources:
                  - id: a
                    url: https://a.no/rss
                    sektion: norske
                """);
    }

    @Test
    void unknownKeyFarFromAnyAllowedKeyListsTheAllowedOnes() {
        assertError("feeds.yml:2: settings.colour: unknown key (allowed: user_agent, contact, per_host_delay, timeout, "
                + "max_body, interval, retries, max_retry_after, max_redirects, concurrency, max_crawl_time, min_score, review_grace, proxy, no_proxy)", """
                settings:
                  colour: red
                sources: [{id: a, url: "https://a.no/", section: norske}]
                """);
    }

    @Test
    void misspeltTopLevelKey() {
        assertError("feeds.yml:1: source: unknown key; did you mean \"sources\"? (allowed: settings, sections, topics, sources, mail)", """
                source:
                  - {id: a, url: "https://a.no/", section: norske}
                """);
    }

    @Test
    void misspeltSelectKey() {
        assertError("feeds.yml:8: sources[0].select.titel: unknown key; did you mean \"title\"? (allowed: item, title, link, date, summary, next)", """
                sources:
                  - id: a
                    url: https://a.no/liste
                    type: html
                    section: norske
                    select:
                      item: li
                      titel: a
                """);
    }

    @Test
    void keyGivenTwice() {
        assertError("feeds.yml:5: sources[0].url: given twice (first at line 3)", """
                sources:
                  - id: a
                    url: https://a.no/rss
                    section: norske
                    url: https://b.no/rss
                """);
    }

    @Test
    void missingRequiredFieldPointsAtTheEntry() {
        assertError("feeds.yml:5: sources[1].url: required but missing", """
                sources:
                  - id: a
                    url: https://a.no/rss
                    section: norske
                  - id: b
                    section: norske
                """);
        assertError("feeds.yml:2: sources[0].id: required but missing", """
                sources:
                  - url: https://a.no/rss
                    section: norske
                """);
        assertError("feeds.yml:2: sources[0].section: required but missing", """
                sources:
                  - {id: a, url: "https://a.no/rss"}
                """);
        assertError("feeds.yml:1: sections[0].title: required but missing", """
                sections: [{id: norske}]
                sources: [{id: a, url: "https://a.no/", section: norske}]
                """);
    }

    @Test
    void duplicateSourceIdNamesTheFirstLine() {
        assertError("feeds.yml:5: sources[1].id: duplicate source id \"reg-jd\" (first at line 2)", """
                sources:
                  - id: reg-jd
                    url: https://a.no/rss
                    section: norske
                  - id: reg-jd
                    url: https://b.no/rss
                    section: norske
                """);
    }

    @Test
    void duplicateSectionAndTopicIds() {
        assertError("feeds.yml:3: sections[1].id: duplicate section id \"norske\" (first at line 2)", """
                sections:
                  - {id: norske, title: Norske}
                  - {id: norske, title: Norske igjen}
                sources: [{id: a, url: "https://a.no/", section: norske}]
                """);
        assertError("feeds.yml:3: topics[1].id: duplicate topic id \"mh\" (first at line 2)", """
                topics:
                  - {id: mh, terms: [menneskehandel]}
                  - {id: mh, terms: [trafficking]}
                sources: [{id: a, url: "https://a.no/", section: norske}]
                """);
    }

    @Test
    void badIdSyntax() {
        assertError("feeds.yml:2: sources[0].id: \"Reg_JD\" is not a valid id; use 1 to 64 lowercase letters a-z, digits and \"-\"",
                source("id: Reg_JD", "url: https://a.no/", "section: norske"));
        String longId = "a".repeat(65);
        assertError("feeds.yml:2: sources[0].id: \"" + longId + "\" is not a valid id; use 1 to 64 lowercase letters a-z, digits and \"-\"",
                source("id: " + longId, "url: https://a.no/", "section: norske"));
        assertError("feeds.yml:2: sources[0].id: expected a string, got a number (put it in quotes: \"2024\")",
                source("id: 2024", "url: https://a.no/", "section: norske"));
    }

    @Test
    void badUrls() {
        assertError("feeds.yml:3: sources[0].url: \"www.regjeringen.no/rss\" is not an absolute URL; it must start with https:// or http://",
                source("id: a", "url: www.regjeringen.no/rss", "section: norske"));
        assertError("feeds.yml:3: sources[0].url: \"ftp://a.no/feed\": scheme \"ftp\" is not allowed; use https or http",
                source("id: a", "url: ftp://a.no/feed", "section: norske"));
        assertError("feeds.yml:3: sources[0].url: \"https:///feed\" has no host; write it as https://host/path",
                source("id: a", "url: https:///feed", "section: norske"));
        assertError("feeds.yml:3: sources[0].url: \"https://a.no/min feed\" contains a space; write it as %20",
                source("id: a", "url: https://a.no/min feed", "section: norske"));
        assertError("feeds.yml:3: sources[0].url: \"http://\" is not a valid URL: Expected authority at character 8",
                source("id: a", "url: http://", "section: norske"));
        assertError("feeds.yml:3: sources[0].url: \"https://a.no/{x}\" is not a valid URL: Illegal character in path at character 14",
                source("id: a", "url: https://a.no/{x}", "section: norske"));
    }

    @Test
    void badDurations() {
        assertError("feeds.yml:5: sources[0].interval: \"5 sec\" is not a duration; write a whole number and a unit: "
                + "ms, s, m, h or d (e.g. 200ms, 30s, 6h)", source("id: a", "url: https://a.no/", "section: norske", "interval: 5 sec"));
        assertError("feeds.yml:5: sources[0].interval: \"-1s\" is negative; write a whole number and a unit: "
                + "ms, s, m, h or d (e.g. 200ms, 30s, 6h)", source("id: a", "url: https://a.no/", "section: norske", "interval: -1s"));
        assertError("feeds.yml:5: sources[0].interval: must be longer than 0s",
                source("id: a", "url: https://a.no/", "section: norske", "interval: 0s"));
        assertError("feeds.yml:2: settings.timeout: \"abc\" is not a duration; write a whole number and a unit: "
                + "ms, s, m, h or d (e.g. 200ms, 30s, 6h)", withSettings("timeout: abc"));
        assertError("feeds.yml:2: settings.timeout: \"30\" has no unit; write e.g. 30s or 30m (units: ms, s, m, h, d)",
                withSettings("timeout: 30"));
        assertError("feeds.yml:2: settings.interval: must be longer than 0s", withSettings("interval: 0h"));
        assertError("feeds.yml:2: settings.per_host_delay: expected a duration such as 30s, got a list",
                withSettings("per_host_delay: [2s]"));
        assertError("feeds.yml:2: settings.timeout: expected a duration such as 30s, got an empty value",
                withSettings("timeout:"));
    }

    @Test
    void badSizesAndNumbers() {
        assertError("feeds.yml:2: settings.max_body: \"10 MB\" is not a size; write bytes or a whole number with a unit: "
                + "B, KB, MB or GB (1024-based), e.g. 500KB, 10MB", withSettings("max_body: 10 MB"));
        assertError("feeds.yml:2: settings.max_body: must be more than 0 bytes", withSettings("max_body: 0"));
        assertError("feeds.yml:2: settings.retries: must be between 0 and 10, got 11", withSettings("retries: 11"));
        assertError("feeds.yml:2: settings.concurrency: must be between 1 and 1000, got 0", withSettings("concurrency: 0"));
        assertError("feeds.yml:2: settings.retries: expected a whole number, got a string", withSettings("retries: \"2\""));
        assertError("feeds.yml:2: settings.max_redirects: expected a whole number, got a number", withSettings("max_redirects: 2.5"));
        assertError("feeds.yml:5: sources[0].weight: must be greater than 0, got 0",
                source("id: a", "url: https://a.no/", "section: norske", "weight: 0"));
        assertError("feeds.yml:5: sources[0].weight: expected a number, got a string",
                source("id: a", "url: https://a.no/", "section: norske", "weight: high"));
        assertError("feeds.yml:5: sources[0].weight: must be a finite number, got \".inf\"",
                source("id: a", "url: https://a.no/", "section: norske", "weight: .inf"));
    }

    @Test
    void oddNumbersAndOddKeys() {
        assertError("feeds.yml:2: settings.retries: must be between 0 and 10, got \"99999999999999999999\"",
                withSettings("retries: 99999999999999999999"));
        assertError("feeds.yml:2: settings.concurrency: \"0x10\" is not a plain decimal number", withSettings("concurrency: 0x10"));
        assertError("feeds.yml:2: settings.\"time\\nout\": unknown key; did you mean \"timeout\"? (allowed: user_agent, contact, per_host_delay, timeout, "
                + "max_body, interval, retries, max_retry_after, max_redirects, concurrency, max_crawl_time, min_score, review_grace, proxy, no_proxy)", withSettings("\"time\\nout\": 5s"));
        assertError("feeds.yml:2: settings: keys must be plain words, got a list", withSettings("[a]: 5s"));
    }

    /**
     * Norwegian domains may have æ, ø and å. feeds.yml takes them as a browser's address bar does, and
     * keeps the xn-- form that DNS and HTTP use; they were refused with "must be written in their xn--
     * form". A name that no mapping makes valid is still refused.
     */
    @Test
    void hostsBeyondAsciiAreTakenInTheirXnForm() throws Exception {
        Config config = parse(source("id: a", "url: \"https://Blåbær.no:8443/nyheter/rss?år=2024\"", "section: norske"));
        assertEquals("https://xn--blbr-roah.no:8443/nyheter/rss?år=2024", config.sources().get(0).url().toString());
        assertEquals("xn--blbr-roah.no", config.sources().get(0).url().getHost());
        config = parse(source("id: a", "url: \"http://ola@smørbukk.no/\"", "section: norske"));
        assertEquals("http://ola@xn--smrbukk-r1a.no/", config.sources().get(0).url().toString());

        assertError("feeds.yml:3: sources[0].url: \"https://blå_bær.no/rss\": \"blå_bær.no\" is not a valid host name",
                source("id: a", "url: https://blå_bær.no/rss", "section: norske"));
    }

    @Test
    void wrongYamlTypes() {
        assertError("feeds.yml:1: settings: expected a map, got a list", """
                settings: [timeout, 5s]
                sources: [{id: a, url: "https://a.no/", section: norske}]
                """);
        assertError("feeds.yml:2: sources: expected a list, got a map", """
                sources:
                  id: a
                """);
        assertError("feeds.yml:2: sources[0]: expected a map, got a string", """
                sources:
                  - https://a.no/rss
                """);
        assertError("feeds.yml:2: sources[0].name: expected a string, got a number (put it in quotes: \"2024\")",
                "sources:\n  - {id: a, name: 2024, url: \"https://a.no/\", section: norske}\n");
        assertError("feeds.yml:2: sections[0].events: expected true or false, got a string", """
                sections:
                  - {id: norske, title: Norske, events: yes}
                sources: [{id: a, url: "https://a.no/", section: norske}]
                """);
        assertError("feeds.yml:1: top level: expected a map with the keys settings, sections, topics, sources, mail, got a list",
                "- id: a\n");
        assertError("feeds.yml:4: sources[0].section: expected a string, got an empty value",
                source("id: a", "url: https://a.no/", "section:"));
        assertError("feeds.yml:3: sources[0].name: expected a string, got a value tagged !secret",
                source("id: a", "name: !secret x", "url: https://a.no/", "section: norske"));
    }

    @Test
    void emptyFileAndNoSources() {
        assertError("feeds.yml:1: sources: no sources (the file is empty)", "");
        assertError("feeds.yml:1: sources: no sources (the file is empty)", "# nothing yet\n\n");
        assertError("feeds.yml:1: sources: no sources (add a \"sources:\" list)", "settings: {timeout: 5s}\n");
        assertError("feeds.yml:2: sources: no sources (the list is empty)", "settings: {timeout: 5s}\nsources: []\n");
        assertError("feeds.yml:1: sources: no sources (the list is empty)", "sources:\n");
        assertError("feeds.yml:1: sections: empty list; leave sections out to use the default sections "
                + "(verdt, norske, internasjonale, arrangementer)", "sections: []\nsources: [{id: a, url: \"https://a.no/\", section: norske}]\n");
    }

    @Test
    void sourceTypeAndSelectRules() {
        assertError("feeds.yml:4: sources[0].type: unknown type \"fead\"; did you mean \"feed\"? (allowed: feed, html, json)",
                source("id: a", "url: https://a.no/", "type: fead", "section: norske"));
        assertError("feeds.yml:4: sources[0].type: unknown type \"rss\"; RSS and Atom feeds are type feed (allowed: feed, html, json)",
                source("id: a", "url: https://a.no/", "type: rss", "section: norske"));
        assertError("feeds.yml:5: sources[0].select: only allowed for type html or json (this source is type feed)",
                source("id: a", "url: https://a.no/", "section: norske", "select: {item: li}"));
        assertError("feeds.yml:6: sources[0].select.item: required but missing",
                source("id: a", "url: https://a.no/", "type: html", "section: norske", "select: {link: a}"));
        assertError("feeds.yml:2: sources[0].select: required for type json (field paths: items, title, link, date, summary, script; title and link are required)",
                source("id: a", "url: https://a.no/", "type: json", "section: norske"));
        assertError("feeds.yml:6: sources[0].select.link: required but missing",
                source("id: a", "url: https://a.no/", "type: json", "section: norske", "select: {items: data, title: t}"));
        assertError("feeds.yml:6: sources[0].select.item: unknown key; did you mean \"items\"? (allowed: items, title, link, date, summary, script)",
                source("id: a", "url: https://a.no/", "type: json", "section: norske", "select: {item: x, title: t, link: l}"));
    }

    @Test
    void cssSelectorsThatCannotBeParsedAreRefusedWithTheirLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(source("id: a", "url: https://a.no/", "type: html",
                "section: norske", "select:", "  item: li.listItem", "  date: 'span[class='")));
        assertTrue(e.getMessage().startsWith("feeds.yml:8: sources[0].select.date: \"span[class=\" is not a valid CSS selector: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void htmlWithoutSelectorsIsAutoDetectedAndListingOptionsAreRead() throws Exception {
        SourceConfig auto = parse(source("id: a", "url: https://a.no/", "type: html", "section: norske")).sources().get(0);
        assertEquals(Map.of(), auto.select(), "no selectors: the listing is detected automatically");
        assertFalse(auto.dateFromUrl());
        assertEquals(1, auto.pages());
        assertFalse(auto.enrich());

        SourceConfig listing = parse(source("id: a", "url: https://a.no/", "type: html", "section: norske",
                "select: {item: li, next: 'a[rel=next]'}", "date_from_url: true", "pages: 3", "enrich: true"))
                .sources().get(0);
        assertEquals(Map.of("item", "li", "next", "a[rel=next]"), listing.select());
        assertTrue(listing.dateFromUrl());
        assertEquals(3, listing.pages());
        assertTrue(listing.enrich());

        SourceConfig json = parse(source("id: a", "url: https://a.no/", "type: json", "section: norske",
                "select: {script: window.SERVER_DATA, items: 'NodeLoader.node.lists[0].items', title: title, link: url}",
                "enrich: true")).sources().get(0);
        assertEquals("NodeLoader.node.lists[0].items", json.select().get("items"));
        assertTrue(json.enrich());
    }

    @Test
    void listingOptionsAreRefusedWhereTheyWouldBeIgnored() {
        assertError("feeds.yml:5: sources[0].pages: only allowed for type html (this source is type feed)",
                source("id: a", "url: https://a.no/", "section: norske", "pages: 2"));
        assertError("feeds.yml:5: sources[0].date_from_url: only allowed for type html or json (this source is type feed)",
                source("id: a", "url: https://a.no/", "section: norske", "date_from_url: true"));
        assertError("feeds.yml:6: sources[0].pages: must be between 1 and 20, got 50",
                source("id: a", "url: https://a.no/", "type: html", "section: norske", "pages: 50"));
        assertError("feeds.yml:6: sources[0].date_from_url: expected true or false, got a string",
                source("id: a", "url: https://a.no/", "type: html", "section: norske", "date_from_url: ja"));
    }

    @Test
    void enrichIsAllowedOnFeedsWhoseEntriesLackDates() throws Exception {
        assertTrue(parse(source("id: a", "url: https://a.no/", "section: norske", "enrich: true")).sources().get(0).enrich());
    }

    @Test
    void minScoreAndMailAreRead() throws Exception {
        Config none = parse(source("id: a", "url: https://a.no/", "section: norske"));
        assertEquals(Optional.empty(), none.minScore());
        assertEquals(Optional.empty(), none.mail());

        Config config = parse("settings:\n  min_score: 2.5\nmail:\n  host: smtp.example.no\n  from: kildevakt@example.no\n"
                + "  to: [red@example.no, ann@example.no]\n  username: kv\n"
                + source("id: a", "url: https://a.no/", "section: norske"));
        assertEquals(Optional.of(2.5), config.minScore());
        assertEquals(new MailConfig("smtp.example.no", 587, true, false, "kildevakt@example.no",
                List.of("red@example.no", "ann@example.no"), Optional.of("kv"), MailConfig.DEFAULT_PASSWORD_ENV),
                config.mail().orElseThrow());

        MailConfig tls = parse("mail: {host: h, tls: true, from: a@b.no, to: c@d.no, password_env: SMTP_PW}\n"
                + source("id: a", "url: https://a.no/", "section: norske")).mail().orElseThrow();
        assertEquals(465, tls.port());
        assertFalse(tls.startTls());
        assertEquals(List.of("c@d.no"), tls.to());
        assertEquals("SMTP_PW", tls.passwordEnv());
    }

    @Test
    void mailRules() {
        String src = source("id: a", "url: https://a.no/", "section: norske");
        assertError("feeds.yml:1: mail.to: required but missing", "mail: {host: h, from: a@b.no}\n" + src);
        assertError("feeds.yml:1: mail.from: \"redaksjonen\" is not a mail address (expected name@example.no)",
                "mail: {host: h, from: redaksjonen, to: c@d.no}\n" + src);
        assertError("feeds.yml:1: mail.password_env: must name an environment variable (letters, digits, _), got \"hemmelig passord\"; "
                + "never write the password itself in feeds.yml",
                "mail: {host: h, from: a@b.no, to: c@d.no, password_env: hemmelig passord}\n" + src);
        assertError("feeds.yml:1: mail.starttls: give either tls (implicit TLS, port 465) or starttls (port 587), not both",
                "mail: {host: h, from: a@b.no, to: c@d.no, tls: true, starttls: true}\n" + src);
        assertError("feeds.yml:2: settings.min_score: must be 0 or more, got -1",
                "settings:\n  min_score: -1\n" + src);
    }

    @Test
    void settingsUserAgentRules() {
        assertError("feeds.yml:3: settings.contact: give either user_agent or contact, not both",
                withSettings("user_agent: \"kildevakt/1 (+x)\"", "contact: x@example.no"));
        assertError("feeds.yml:2: settings.user_agent: must contain \"kildevakt\" so site owners can tell who is calling (or set contact instead)",
                withSettings("user_agent: Mozilla/5.0"));
        assertError("feeds.yml:2: settings.contact: must be plain ASCII, it is sent in an HTTP header (found \"å\")",
                withSettings("contact: redaksjonen@blåbær.no"));
    }

    @Test
    void topicRules() {
        assertError("feeds.yml:2: topics[0].terms: must list at least one term",
                "topics:\n  - {id: mh, terms: []}\nsources: [{id: a, url: \"https://a.no/\", section: norske}]\n");
        assertError("feeds.yml:2: topics[0].terms[1]: must not be blank",
                "topics:\n  - {id: mh, terms: [menneskehandel, \" \"]}\nsources: [{id: a, url: \"https://a.no/\", section: norske}]\n");
        assertError("feeds.yml:2: topics[0].terms: required but missing",
                "topics:\n  - {id: mh, weight: 3}\nsources: [{id: a, url: \"https://a.no/\", section: norske}]\n");
        assertError("feeds.yml:2: topics[0].weight: must be at least 1, got 0",
                "topics:\n  - {id: mh, weight: 0, terms: [x]}\nsources: [{id: a, url: \"https://a.no/\", section: norske}]\n");
        assertError("feeds.yml:2: topics[0].exclude: expected a list, got a string",
                "topics:\n  - {id: mh, terms: [x], exclude: drug}\nsources: [{id: a, url: \"https://a.no/\", section: norske}]\n");
    }

    @Test
    void controlCharactersAreRefusedAndMessagesStayOnOneLine() {
        assertError("feeds.yml:2: sources[0].name: \"Før\\nEtter\" contains a control character",
                "sources:\n  - {id: a, name: \"Før\\nEtter\", url: \"https://a.no/\", section: norske}\n");
    }

    // ---- YAML syntax and hostile input ---------------------------------------------------------

    @Test
    void yamlSyntaxErrorsGiveTheLineFromTheMark() {
        assertError("feeds.yml:3: YAML syntax: mapping values are not allowed here", """
                sources:
                  - id: a
                    name: Justis: og beredskap
                    url: https://a.no/
                """);
        assertError("feeds.yml:4: YAML syntax: found unexpected end of stream (while scanning a quoted scalar at line 2)",
                "sources:\n  - {id: a, name: \"Justis\n\n");
        assertError("feeds.yml:3: YAML syntax: found character '\\t(TAB)' that cannot start any token. "
                + "(Do not use \\t(TAB) for indentation) (while scanning for the next token)",
                "sources:\n  - id: a\n\turl: https://a.no/\n");
        assertError("feeds.yml:2: YAML syntax: expected a single document in the stream, but found another document",
                "sources: [{id: a, url: \"https://a.no/\", section: norske}]\n---\nsources: []\n");
        assertError("feeds.yml:2: YAML syntax: found undefined alias base", "sources:\n  - *base\n");
        assertError("feeds.yml:2: YAML syntax: character U+0007 is not allowed in YAML", "sources:\n  - \u0007\n");
    }

    @Test
    void billionLaughsFailsFastWithTheLine() throws Exception {
        Path file = resource("billion-laughs.yml");
        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(ConfigException.class, () -> loader.load(file)));
        assertEquals(file + ":5: YAML: more than 20 aliases to lists or maps; refused as a likely YAML bomb (billion laughs)",
                e.getMessage());
    }

    @Test
    void aFewSharedBlocksAreNoBomb() throws Exception {
        StringBuilder yaml = new StringBuilder("sources:\n  - {id: s0, url: \"https://a.no/\", type: html, section: norske, select: &sel {item: li}}\n");
        for (int i = 1; i <= ConfigLoader.MAX_COLLECTION_ALIASES; i++) {
            yaml.append("  - {id: s").append(i).append(", url: \"https://a.no/\", type: html, section: norske, select: *sel}\n");
        }
        assertEquals(21, parse(yaml.toString()).sources().size());
    }

    @Test
    void deepNestingIsRefusedBeforeComposing() {
        String yaml = "sources: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        assertError("feeds.yml:1: YAML: nested more than 32 levels deep; refused", yaml);
    }

    // ---- files ---------------------------------------------------------------------------------

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.yml");
        assertEquals(file + ": cannot read: no such file",
                assertThrows(ConfigException.class, () -> loader.load(file)).getMessage());
    }

    @Test
    void directoryInsteadOfFile() {
        assertEquals(dir + ": cannot read: is a directory",
                assertThrows(ConfigException.class, () -> loader.load(dir)).getMessage());
    }

    @Test
    void fileOverFiveMegabytesIsRefusedUnread() throws IOException {
        Path file = dir.resolve("feeds.yml");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] comment = ("#" + " ".repeat(1022) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 5 * 1024; i++) {
                out.write(comment);
            }
            out.write('\n');
        }
        assertEquals(file + ": cannot read: larger than 5 MB (5242881 bytes)",
                assertThrows(ConfigException.class, () -> loader.load(file)).getMessage());
    }

    @Test
    void fileNotInUtf8NamesTheLine() throws IOException {
        Path file = dir.resolve("feeds.yml");
        byte[] latin1 = "sources:\n  - id: a\n    name: Bar\u00f8mbudet\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);
        assertEquals(file + ":3: encoding: not valid UTF-8; save the file as UTF-8",
                assertThrows(ConfigException.class, () -> loader.load(file)).getMessage());
    }

    @Test
    void loadUsesTheFileNameAsGiven() throws IOException {
        Path file = dir.resolve("kilder.yml");
        Files.writeString(file, "sources:\n  - {id: a, url: \"https://a.no/\", section: nosrke}\n");
        assertEquals(file + ":2: sources[0].section: unknown section \"nosrke\" (known: verdt, norske, internasjonale, arrangementer)",
                assertThrows(ConfigException.class, () -> loader.load(file)).getMessage());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Config parse(String yaml) throws ConfigException {
        return loader.parse(FEEDS, yaml);
    }

    private void assertError(String expected, String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml), () -> "no error for:\n" + yaml);
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    /** A file with one source whose lines (after "sources:" and "  - ") are the given ones. */
    private static String source(String... lines) {
        StringBuilder b = new StringBuilder("sources:\n");
        for (int i = 0; i < lines.length; i++) {
            b.append(i == 0 ? "  - " : "    ").append(lines[i]).append('\n');
        }
        return b.toString();
    }

    /** A file with a settings block of the given lines and one valid source after it. */
    private static String withSettings(String... lines) {
        StringBuilder b = new StringBuilder("settings:\n");
        for (String line : lines) {
            b.append("  ").append(line).append('\n');
        }
        return b.append("sources: [{id: a, url: \"https://a.no/\", section: norske}]\n").toString();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ConfigLoaderTest.class.getResource(name).toURI());
    }
}
