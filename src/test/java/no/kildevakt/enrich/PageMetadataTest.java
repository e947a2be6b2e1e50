package no.kildevakt.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import no.kildevakt.date.PageDate;
import org.junit.jupiter.api.Test;

class PageMetadataTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 12, 10);

    private static PageMetadata extract(String resource, String url) throws IOException {
        try (InputStream in = PageMetadataTest.class.getResourceAsStream(resource)) {
            return PageMetadata.extract(in.readAllBytes(), "text/html; charset=utf-8", URI.create(url), TODAY);
        }
    }

    @Test
    void dublinCoreDateDescriptionAndRelativeCanonical() throws IOException {
        PageMetadata meta = extract("regjeringen-article.html", "https://www.regjeringen.no/no/aktuelt/x/id3171341/?utm_medium=rss");
        assertEquals(Optional.of(PageDate.of(LocalDate.of(2026, 7, 17))), meta.published());
        assertEquals(Optional.of("Regjeringen legger fram en ny handlingsplan mot menneskehandel med 25 tiltak."), meta.description());
        assertEquals(Optional.of("https://www.regjeringen.no/no/aktuelt/ny-handlingsplan-mot-menneskehandel/id3171341/"), meta.canonical());
        assertEquals(Optional.of("Ny handlingsplan mot menneskehandel"), meta.title());
    }

    @Test
    void jsonLdGraphPrefersTheArticleOverTheWebsite() throws IOException {
        PageMetadata meta = extract("jsonld-graph.html", "https://cbss.org/?p=123");
        assertEquals(Optional.of(Instant.parse("2024-04-25T09:15:00Z")), meta.published().flatMap(PageDate::instant));
        assertEquals(Optional.of("The Task Force against Trafficking in Human Beings met in Riga & agreed on a work plan."), meta.description());
        assertEquals(Optional.of("https://cbss.org/2024/04/25/task-force-meeting-in-riga/"), meta.canonical(), "og:url, tracking removed");
        assertEquals(Optional.of("Task Force meeting in Riga"), meta.title(), "JSON-LD headline before <title>");
    }

    @Test
    void theTimeInTheArticleNotInTheNavigation() throws IOException {
        PageMetadata meta = extract("article-time.html", "https://www.nkvts.no/aktuelt/kurs/");
        assertEquals(Optional.of(Instant.parse("2024-11-18T09:00:00Z")), meta.published().flatMap(PageDate::instant));
        assertEquals(Optional.of("Et kurs for ansatte i barnevernet."), meta.description());
        assertEquals(Optional.empty(), meta.canonical(), "never a javascript: URL");
        assertEquals(Optional.of("Kurs i traumebevisst omsorg"), meta.title());
    }

    @Test
    void publishedTimeComesFirstAndBlankValuesAreAbsent() throws IOException {
        PageMetadata meta = extract("published-time.html", "https://www.osce.org/x");
        assertEquals(Optional.of(Instant.parse("2023-06-06T12:30:00Z")), meta.published().flatMap(PageDate::instant));
        assertEquals(Optional.empty(), meta.description());
        assertEquals(Optional.of("OSCE: \"New guidance\" on trafficking"), meta.title());
    }

    @Test
    void anythingButHtmlSaysNothing() {
        byte[] pdf = "%PDF-1.7 <meta property=\"article:published_time\" content=\"2023-06-06\">".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(PageMetadata.NONE, PageMetadata.extract(pdf, "application/pdf", URI.create("https://x.test/a.pdf"), TODAY));
        assertEquals(PageMetadata.NONE, PageMetadata.extract(new byte[0], "text/html", URI.create("https://x.test/"), TODAY));
        byte[] html = "<meta property=\"article:published_time\" content=\"2023-06-06\">".getBytes(StandardCharsets.UTF_8);
        assertEquals(LocalDate.of(2023, 6, 6), PageMetadata.extract(html, null, URI.create("https://x.test/"), TODAY).published()
                .orElseThrow().start(), "no content type: sniffed");
    }

    /** Issue 9: an article page of 3,000,000 unclosed tags (9 MB) once exhausted the heap; its head is still read. */
    @Test
    void aPageOfMillionsOfElementsStillGivesItsHead() {
        String html = "<html><head><meta property=\"og:title\" content=\"Tittel\"></head><body>" + "<b>".repeat(3_000_000);
        assertEquals(Optional.of("Tittel"), PageMetadata.extract(html.getBytes(StandardCharsets.UTF_8), "text/html",
                URI.create("https://x.test/"), TODAY).title());
    }
}
