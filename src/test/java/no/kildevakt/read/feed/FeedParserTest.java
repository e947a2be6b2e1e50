package no.kildevakt.read.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import no.kildevakt.item.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedParserTest {
    private static final URI DOC = URI.create("https://www.example.no/feeds/rss.xml");
    private final FeedParser parser = new FeedParser();

    private static byte[] fixture(String name) {
        try (InputStream in = FeedParserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ParsedFeed parse(String fixture) throws FeedParseException {
        return parser.parse(fixture(fixture), "application/rss+xml; charset=utf-8", DOC);
    }

    // ------------------------------------------------------------ real-source shapes

    @Test
    void regjeringenRss20WithNumericGuidAndOffsetPubDate() throws Exception {
        ParsedFeed feed = parse("regjeringen.xml");
        assertEquals("rss_2.0", feed.format());
        assertEquals("RSS Regjeringen.no", feed.title());
        assertEquals("https://www.regjeringen.no/no/id4/", feed.link());
        assertEquals(2, feed.entries().size());
        Entry first = feed.entries().get(0);
        assertEquals("3171341", first.guid());
        assertEquals("Styrket innsats mot menneskehandel i Sør-Norge", first.title());
        assertEquals("https://www.regjeringen.no/no/aktuelt/styrket-innsats/id3171341/"
                + "?utm_source=regjeringen.no&utm_medium=rss&utm_campaign=nyheter", first.link());
        assertEquals(Instant.parse("2026-09-17T09:00:00Z"), first.published());
        assertTrue(first.summary().startsWith("<p>Regjeringen øker"), first.summary());
        assertEquals("Høring om endringer i straffeloven & utlendingsloven", feed.entries().get(1).title());
        assertEquals("UTF-8 (HTTP header)", feed.charset());
    }

    @Test
    void stortingetDcDateWithOffsetAndTagGuids() throws Exception {
        ParsedFeed feed = parse("stortinget.xml");
        Entry first = feed.entries().get(0);
        assertEquals("tag:stortinget.no,2000:innhold.aaa", first.guid());
        assertEquals(Instant.parse("2026-08-20T08:00:00Z"), first.published());
        assertNull(first.updated());
        assertNull(feed.entries().get(1).summary());
        // a root-relative link resolves against the absolute channel link
        assertEquals("https://www.stortinget.no/no/Saker-og-publikasjoner/Sporsmal/Skriftlige-sporsmal-og-svar/"
                + "Skriftlig-sporsmal/?qid=99999", feed.entries().get(1).link());
    }

    @Test
    void stortingetSameLinkOnEveryItemAndNoGuid() throws Exception {
        ParsedFeed feed = parse("stortinget-same-link.xml");
        assertEquals(2, feed.entries().size());
        for (Entry e : feed.entries()) {
            assertNull(e.guid(), "an empty or missing guid is null, never the link");
            assertEquals("https://www.stortinget.no/no/Saker-og-publikasjoner/Saker/", e.link());
        }
        assertEquals(Instant.parse("2026-08-22T10:00:00Z"), feed.entries().get(1).published());
    }

    @Test
    void hudocLinkWithJsonFragmentIsKeptVerbatim() throws Exception {
        Entry entry = parse("hudoc.xml").entries().get(0);
        assertEquals("CASE OF H.D. v. ITALY", entry.title());
        assertEquals("http://hudoc.echr.coe.int/eng#{\"itemid\":[\"001-249529\"]}", entry.link());
        assertEquals("41645/23 - Chamber Judgment", entry.summary());
        assertEquals(Instant.parse("2026-04-09T00:00:00Z"), entry.published());
        assertNull(entry.guid());
    }

    // ------------------------------------------------------------ formats and links

    @Test
    void atomXmlBaseIsResolvedAtEveryLevel() throws Exception {
        ParsedFeed feed = parse("atom-xml-base.xml");
        assertEquals("atom_1.0", feed.format());
        assertEquals("Eksempel & co", feed.title());
        assertEquals("https://example.org/", feed.link());
        List<Entry> entries = feed.entries();
        assertEquals("https://example.org/news/2026/first.html", entries.get(0).link(), "rel=alternate preferred");
        assertEquals("https://example.org/archive/2026/second.html", entries.get(1).link());
        assertEquals("https://other.example.net/a/c.html", entries.get(2).link());
        assertEquals("tag:example.org,2026:1", entries.get(0).guid());
        assertEquals(Instant.parse("2026-09-01T08:00:00Z"), entries.get(0).published());
        assertEquals(Instant.parse("2026-09-01T09:00:00Z"), entries.get(0).updated());
        assertEquals("<p>Short <b>summary</b></p>", entries.get(0).summary(), "summary before content");
        assertEquals("Only content", entries.get(1).summary(), "content when there is no summary");
        assertEquals(Instant.parse("2026-09-02T10:00:00Z"), entries.get(1).published(), "falls back to updated");
    }

    @Test
    void rssXmlBaseIsHonouredToo() throws Exception {
        ParsedFeed feed = parse("rss-xml-base.xml");
        assertEquals("https://base.example.com/root/index.html", feed.link());
        assertEquals("https://base.example.com/root/items/1", feed.entries().get(0).link());
        assertEquals("https://elsewhere.example.com/x/y", feed.entries().get(1).link());
        assertEquals("https://base.example.com/root/items/3", feed.entries().get(2).link(), "permalink guid as link");
        assertEquals("https://base.example.com/root/items/3", feed.entries().get(2).guid());
    }

    @Test
    void relativeChannelLinkResolvesAgainstDocumentThenItemsAgainstChannel() throws Exception {
        ParsedFeed feed = parse("rss-relative.xml");
        assertEquals("https://www.example.no/home/", feed.link());
        assertEquals("https://www.example.no/home/articles/42", feed.entries().get(0).link());
        ParsedFeed noUrl = parser.parse(fixture("rss-relative.xml"), null, null);
        assertEquals("articles/42", noUrl.entries().get(0).link(), "no base at all: left as written");
    }

    @Test
    void rss10Rdf() throws Exception {
        ParsedFeed feed = parse("rss10.rdf");
        assertEquals("rss_1.0", feed.format());
        Entry entry = feed.entries().get(0);
        assertEquals("https://lovdata.no/dokument/SF/forskrift/2026-09-01-1500", entry.guid());
        assertEquals("https://lovdata.no/dokument/SF/forskrift/2026-09-01-1500", entry.link());
        assertEquals(Instant.parse("2026-09-01T12:30:00Z"), entry.published());
    }

    @Test
    void rss091WithNetscapeDoctypeAndHtmlEntities() throws Exception {
        ParsedFeed feed = parser.parse(fixture("rss091-doctype.xml"), "text/xml", DOC);
        assertTrue(feed.format().startsWith("rss_0.91"), feed.format());
        Entry entry = feed.entries().get(0);
        assertEquals("Blåbær\u00a0og rødåt", entry.title());
        assertEquals("Tekst med ÆØÅ.", entry.summary());
        assertTrue(feed.warnings().stream().anyMatch(w -> w.contains("DOCTYPE")), feed.warnings().toString());
    }

    @Test
    void rss090AndAtom03AndUnknownRssVersion() throws Exception {
        String rss090 = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
                <channel><title>Old</title><link>http://old.example/</link><description>d</description></channel>
                <item><title>One</title><link>http://old.example/1</link></item></rdf:RDF>""";
        ParsedFeed old = parser.parse(rss090.getBytes(StandardCharsets.UTF_8), null, DOC);
        assertEquals("rss_0.9", old.format());
        assertEquals("http://old.example/1", old.entries().get(0).link());

        String atom03 = """
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>A03</title>
                <entry><title>E</title><id>urn:x:1</id><link rel="alternate" type="text/html" href="http://a.example/e"/>
                <issued>2004-01-01T19:48:21Z</issued><modified>2004-01-02T00:00:00Z</modified></entry></feed>""";
        ParsedFeed a03 = parser.parse(atom03.getBytes(StandardCharsets.UTF_8), null, DOC);
        assertEquals("atom_0.3", a03.format());
        assertEquals(Instant.parse("2004-01-01T19:48:21Z"), a03.entries().get(0).published());
        assertEquals("http://a.example/e", a03.entries().get(0).link());

        String rss21 = "<rss version=\"2.1\"><channel><title>T</title><item><title>I</title></item></channel></rss>";
        ParsedFeed v21 = parser.parse(rss21.getBytes(StandardCharsets.UTF_8), null, DOC);
        assertEquals("I", v21.entries().get(0).title());
        assertTrue(v21.warnings().stream().anyMatch(w -> w.contains("2.1")));
    }

    @Test
    void rss10And090ItemsNestedInTheChannelAreRead() throws Exception {
        String rss10 = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                <channel rdf:about="http://x.example/"><title>Nested</title><link>http://x.example/</link>
                <item rdf:about="http://x.example/1"><title>One</title><link>http://x.example/1</link></item>
                <item rdf:about="http://x.example/2"><title>Two</title><link>http://x.example/2</link></item>
                </channel></rdf:RDF>""";
        ParsedFeed feed = parser.parse(rss10.getBytes(StandardCharsets.UTF_8), null, DOC);
        assertEquals("rss_1.0", feed.format());
        assertEquals(List.of("One", "Two"), feed.entries().stream().map(Entry::title).toList());
        assertEquals("http://x.example/2", feed.entries().get(1).link());
        assertEquals("http://x.example/1", feed.entries().get(0).guid());
        assertTrue(feed.warnings().stream().anyMatch(w -> w.contains("inside <channel>")), feed.warnings().toString());

        String rss090 = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
                <channel><title>Old</title><link>http://old.example/</link>
                <item><title>Inside</title><link>http://old.example/1</link></item></channel>
                <item><title>Outside</title><link>http://old.example/2</link></item></rdf:RDF>""";
        ParsedFeed old = parser.parse(rss090.getBytes(StandardCharsets.UTF_8), null, DOC);
        assertEquals("rss_0.9", old.format());
        assertEquals(List.of("Inside", "Outside"), old.entries().stream().map(Entry::title).toList());
    }

    @Test
    void dublinCore10DateAndTitleAreRead() throws Exception {
        String xml = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.0/">
                <channel rdf:about="http://x.example/"><dc:title>DC channel</dc:title><link>http://x.example/</link></channel>
                <item rdf:about="http://x.example/1"><dc:title>DC item</dc:title><link>http://x.example/1</link>
                <dc:date>2004-01-01T19:48:21Z</dc:date></item></rdf:RDF>""";
        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, DOC);
        assertEquals("DC channel", feed.title());
        assertEquals("DC item", feed.entries().get(0).title());
        assertEquals(Instant.parse("2004-01-01T19:48:21Z"), feed.entries().get(0).published());

        String rss = """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.0/"><channel><title>T</title>
                <item><title>I</title><dc:date>2026-09-17T11:00:00+02:00</dc:date></item></channel></rss>""";
        assertEquals(Instant.parse("2026-09-17T09:00:00Z"),
                parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, DOC).entries().get(0).published());
    }

    @Test
    void subSecondPrecisionOfEntryDatesIsKept() throws Exception {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
                <entry><title>A</title><id>urn:x:1</id><published>2026-09-17T09:00:00.001Z</published>
                <updated>2026-09-17T09:00:00.80Z</updated></entry></feed>""";
        Entry entry = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, DOC).entries().get(0);
        assertEquals(Instant.parse("2026-09-17T09:00:00.001Z"), entry.published());
        assertEquals(Instant.parse("2026-09-17T09:00:00.800Z"), entry.updated());
    }

    @Test
    void undeclaredNamespacePrefixesAreRepaired() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>I</title>"
                + "<content:encoded><![CDATA[<p>full</p>]]></content:encoded></item></channel></rss>";
        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, DOC);
        assertEquals("<p>full</p>", feed.entries().get(0).summary());
        assertFalse(feed.warnings().isEmpty());
    }

    @Test
    void datesRomeMissesAreParsedByTheFallback() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>T</title>
                <item><title>two-digit year</title><pubDate>Thu, 17 Sep 26 11:00 +0200</pubDate></item>
                <item><title>named zone</title><pubDate>Thu, 17 Sep 2026 11:00:00 CEST</pubDate></item>
                <item><title>Norwegian</title><pubDate>tor, 17 sep 2026 11:00:00 +0200</pubDate></item>
                <item><title>garbage</title><pubDate>sometime soon</pubDate></item>
                </channel></rss>""";
        List<Entry> entries = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, DOC).entries();
        Instant expected = Instant.parse("2026-09-17T09:00:00Z");
        assertEquals(expected, entries.get(0).published());
        assertEquals(expected, entries.get(1).published());
        assertEquals(expected, entries.get(2).published());
        assertNull(entries.get(3).published());
    }

    // ------------------------------------------------------------ charsets

    private static final String NORWEGIAN = "Blåbærsyltetøy fra Ærøy og Østfold";

    private static byte[] rss(String prolog, Charset charset) {
        String xml = prolog + "<rss version=\"2.0\"><channel><title>" + NORWEGIAN
                + "</title><item><title>Næring – “sitat”</title></item></channel></rss>";
        return xml.getBytes(charset);
    }

    @Test
    void windows1252ViaHttpHeaderOnly() throws Exception {
        ParsedFeed feed = parser.parse(rss("", Charset.forName("windows-1252")), "application/rss+xml; charset=windows-1252", DOC);
        assertEquals(NORWEGIAN, feed.title());
        assertEquals("Næring – “sitat”", feed.entries().get(0).title());
        assertEquals("windows-1252 (HTTP header)", feed.charset());
    }

    @Test
    void iso88591ViaHttpHeaderOnlyIsReadAsWindows1252() throws Exception {
        byte[] body = rss("", StandardCharsets.ISO_8859_1);
        ParsedFeed feed = parser.parse(body, "text/xml; charset=ISO-8859-1", DOC);
        assertEquals(NORWEGIAN, feed.title());
        assertEquals("windows-1252 (HTTP header ISO-8859-1)", feed.charset());
    }

    @Test
    void iso88591AndWindows1252ViaPrologOnly() throws Exception {
        ParsedFeed latin1 = parser.parse(rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n",
                StandardCharsets.ISO_8859_1), "application/xml", DOC);
        assertEquals(NORWEGIAN, latin1.title());
        assertEquals("windows-1252 (XML prolog ISO-8859-1)", latin1.charset());
        ParsedFeed cp1252 = parser.parse(rss("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n",
                Charset.forName("windows-1252")), null, DOC);
        assertEquals("Næring – “sitat”", cp1252.entries().get(0).title());
        assertEquals("windows-1252 (XML prolog)", cp1252.charset());
    }

    @Test
    void utf8BodyWithLyingIso88591Prolog() throws Exception {
        ParsedFeed feed = parser.parse(rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n",
                StandardCharsets.UTF_8), "text/xml; charset=ISO-8859-1", DOC);
        assertEquals(NORWEGIAN, feed.title());
        assertTrue(feed.charset().startsWith("UTF-8 (valid UTF-8"), feed.charset());
        assertTrue(feed.warnings().stream().anyMatch(w -> w.contains("valid UTF-8")), feed.warnings().toString());
    }

    @Test
    void utf16WithBom() throws Exception {
        byte[] body = rss("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n", StandardCharsets.UTF_16LE);
        ParsedFeed feed = parser.parse(body, "text/xml; charset=windows-1252", DOC);
        assertEquals(NORWEGIAN, feed.title());
        assertEquals("UTF-16LE (BOM)", feed.charset());
        ParsedFeed bigEndian = parser.parse(rss("\uFEFF", StandardCharsets.UTF_16BE), null, DOC);
        assertEquals(NORWEGIAN, bigEndian.title());
    }

    @Test
    void utf16WithoutBomIsRecognisedFromTheBytes() throws Exception {
        ParsedFeed feed = parser.parse(rss("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", StandardCharsets.UTF_16BE), null, DOC);
        assertEquals(NORWEGIAN, feed.title());
        assertEquals("UTF-16BE (byte pattern)", feed.charset());
    }

    // ------------------------------------------------------------ security

    @Test
    void xxeNeverReadsTheFile() throws Exception {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title>
                <item><title>x&xxe;y</title><description>&xxe;</description></item></channel></rss>""";
        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, DOC);
        assertFalse(feed.toString().contains("root:"), feed.toString());
        assertEquals("xy", feed.entries().get(0).title(), "the external entity's reference is removed");
        assertNull(feed.title());
        assertTrue(feed.warnings().stream().anyMatch(w -> w.contains("xxe")), feed.warnings().toString());
    }

    @Test
    void xxeViaParameterEntityAndExternalDtdIsInert() throws Exception {
        String xml = """
                <!DOCTYPE rss SYSTEM "http://127.0.0.1:1/evil.dtd" [
                  <!ENTITY % remote SYSTEM "http://127.0.0.1:1/x"> %remote;
                ]>
                <rss version="2.0"><channel><title>safe</title></channel></rss>""";
        assertEquals("safe", parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, DOC).title());
    }

    @Test
    void billionLaughsFailsOrYieldsNothingQuickly() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        byte[] body = dtd.toString().getBytes(StandardCharsets.UTF_8);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                ParsedFeed feed = parser.parse(body, null, DOC);
                assertTrue(feed.title() == null || feed.title().length() < 100, () -> "expanded: " + feed.title().length());
            } catch (FeedParseException acceptable) {
                // failing is fine too
            }
        });
    }

    @Test
    void safeInternalEntitiesAreStillExpanded() throws Exception {
        String xml = """
                <!DOCTYPE rss [<!ENTITY id "tag:example.com,">]>
                <rss version="2.0"><channel><title>T</title>
                <item><guid isPermaLink='false'>&id;2006-05-04:/blog/</guid></item></channel></rss>""";
        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, DOC);
        assertEquals("tag:example.com,2006-05-04:/blog/", feed.entries().get(0).guid());
    }

    // ------------------------------------------------------------ not a feed

    @Test
    void emptyBody() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parser.parse(new byte[0], null, DOC));
        assertEquals("empty body", e.getMessage());
        FeedParseException blank = assertThrows(FeedParseException.class,
                () -> parser.parse(" \r\n\t".getBytes(StandardCharsets.US_ASCII), "text/xml", DOC));
        assertEquals("empty body", blank.getMessage());
        assertEquals("empty body", assertThrows(FeedParseException.class, () -> parser.parse(null, null, DOC)).getMessage());
    }

    @Test
    void htmlPage() {
        byte[] html = "<!DOCTYPE html>\n<html lang=\"no\"><head><title>Forside</title></head><body>Hei</body></html>"
                .getBytes(StandardCharsets.UTF_8);
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse(html, "text/html; charset=utf-8", DOC));
        assertEquals("expected a feed but got an HTML page (text/html; charset=utf-8)", e.getMessage());
        FeedParseException noType = assertThrows(FeedParseException.class,
                () -> parser.parse("<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8), null, DOC));
        assertEquals("expected a feed but got an HTML page (no content type)", noType.getMessage());
        // served as text/html but actually a feed: parsed
        assertDoesNotThrowFeed("<rss version=\"2.0\"><channel><title>ok</title></channel></rss>", "text/html");
    }

    private void assertDoesNotThrowFeed(String xml, String type) {
        try {
            assertEquals("ok", parser.parse(xml.getBytes(StandardCharsets.UTF_8), type, DOC).title());
        } catch (FeedParseException e) {
            throw new AssertionError("should parse: " + e.getMessage(), e);
        }
    }

    @Test
    void json() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parser.parse(
                "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}".getBytes(StandardCharsets.UTF_8),
                "application/feed+json", DOC));
        assertEquals("expected a feed but got JSON", e.getMessage());
    }

    @Test
    void garbageIsMalformedXmlWithLineNumber() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parser.parse(
                "<rss version=\"2.0\">\n<channel>\n<title>unclosed</channel></rss>".getBytes(StandardCharsets.UTF_8),
                "text/xml", DOC));
        assertTrue(e.getMessage().startsWith("malformed XML at line 3: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        FeedParseException text = assertThrows(FeedParseException.class,
                () -> parser.parse("this is not xml at all".getBytes(StandardCharsets.UTF_8), null, DOC));
        assertTrue(text.getMessage().startsWith("malformed XML at line 1: "), text.getMessage());
    }

    @Test
    void xmlThatIsNotAFeed() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parser.parse(
                "<urlset><url><loc>x</loc></url></urlset>".getBytes(StandardCharsets.UTF_8), "application/xml", DOC));
        assertEquals("not a feed: the root element is <urlset>", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomBytesAndMangledFeedsNeverThrowAnythingElse(int seed) {
        Random random = new Random(seed);
        byte[] base = fixture("regjeringen.xml");
        for (int round = 0; round < 150; round++) {
            byte[] body;
            if (round % 3 == 0) {
                body = new byte[random.nextInt(300)];
                random.nextBytes(body);
            } else {
                body = base.clone();
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                }
                if (round % 3 == 2) {
                    body = java.util.Arrays.copyOf(body, random.nextInt(body.length));
                }
            }
            try {
                parser.parse(body, random.nextBoolean() ? null : "text/xml; charset=x-bogus", DOC);
            } catch (FeedParseException expected) {
                assertFalse(expected.getMessage().contains("\n"), expected.getMessage());
            }
        }
    }

    @Test
    void onlyTextWithAmpersandsXmlCannotReadGoesThroughTheHealer() {
        assertFalse(FeedParser.needsHealing("<rss><title>A &amp; B &lt;3 &#229; &#xE5; &quot;</title></rss>"));
        assertTrue(FeedParser.needsHealing("<title>Bl&aring;b&aelig;r</title>"));
        assertTrue(FeedParser.needsHealing("<title>Salt & pepper</title>"));
        assertTrue(FeedParser.needsHealing("<title>&amp</title>"));
        assertFalse(FeedParser.needsHealing("<title>no ampersand at all</title>"));
    }

    @Test
    void aReferenceIsWhatXmlsGrammarSaysItIs() {
        // the grammar as a regex, the oracle the hand-written check is held to
        java.util.regex.Pattern reference =
                java.util.regex.Pattern.compile("(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");
        for (String tail : new String[] {"amp;", "amp", "Amp;", "#229;", "#x;", "#;", "#xE5;", "#XE5;", "#1234567;", "#12345678;",
                "#xABCDEF;", "#x1234567;", "#0x41;", "#\uFF11;", "#x\uFF21;", "", "#", "#x", "quot;x", "apos;", "gt", "lt;;"}) {
            assertEquals(reference.matcher(tail).lookingAt(), FeedParser.isXmlReference("&" + tail, 1), tail);
        }
        Random random = new Random(41);
        String alphabet = "&#xX0123456789aAfFgG;amplgtquosx \uFF11";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            assertEquals(reference.matcher(t).lookingAt(), FeedParser.isXmlReference("&" + t, 1), t);
        }
    }

    @Test
    void anImpossibleDateIsNoDateRatherThanTheNextMonth() throws FeedParseException {
        String rss = "<rss version=\"2.0\"><channel><title>t</title><link>https://x.no/</link>"
                + "<item><title>A</title><link>https://x.no/a</link><pubDate>Thu, 31 Sep 2026 11:00:00 +0200</pubDate></item>"
                + "<item><title>B</title><link>https://x.no/b</link><pubDate>Thu, 17 Sep 2026 11:00:00 +0200</pubDate></item>"
                + "</channel></rss>";
        ParsedFeed feed = new FeedParser().parse(rss.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/rss+xml",
                java.net.URI.create("https://x.no/rss"));
        assertEquals(null, feed.entries().get(0).published(), "31 September does not exist");
        assertEquals(java.time.Instant.parse("2026-09-17T09:00:00Z"), feed.entries().get(1).published());
    }
}
