package no.kildevakt.links.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkExtractorTest {
    private final LinkExtractor extractor = new LinkExtractor();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // content type decides when it names a format
        "https://x.no/issue          | text/html; charset=utf-8                  | # Tittel        | html",
        "https://x.no/issue          | text/markdown                             | <p>x</p>        | markdown",
        // text/plain and octet-stream say nothing: the name decides
        "https://raw.x.no/q4.md      | text/plain; charset=utf-8                 | # Tittel        | markdown",
        "https://x.no/q4.HTM?x=1     | application/octet-stream                  | tekst           | html",
        "issues/q4.markdown          | null                                      | tekst           | markdown",
        "issues/q4.txt               | null                                      | <html>          | text",
        // no name either: markup, else text
        "https://x.no/issue          | null                                      | <!DOCTYPE html> | html",
        "https://x.no/issue          | text/plain                                | '  <html lang=nb>' | html",
        "https://x.no/issue          | null                                      | bare tekst      | text",
        "stdin                       | text/csv                                  | a,b             | text",
    })
    void typeFromContentTypeThenNameThenContent(String document, String contentType, String body, String type) {
        assertEquals(type, extractor.extract(document, utf8(body), contentType).type());
    }

    @Test
    void pdfSignatureWinsOverAWrongContentType() throws IOException {
        byte[] pdf = PdfExtractionTest.bytes(PdfExtractionTest.pdf(List.of(List.of(
                PdfExtractionTest.Line.text("https://example.org/a")))));
        ExtractedDocument doc = extractor.extract("https://x.no/issue.html", pdf, "text/html");
        assertEquals("pdf", doc.type());
        assertEquals("https://example.org/a", doc.links().get(0).url());
    }

    @Test
    void binaryContentIsUnsupportedWithAWarning() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        ExtractedDocument image = extractor.extract("https://x.no/logo", png, "image/png");
        assertEquals(LinkExtractor.UNSUPPORTED_TYPE, image.type());
        assertEquals(List.of("not a supported document (Content-Type image/png); no links read"), image.warnings());

        ExtractedDocument binary = extractor.extract("blob", png, null);
        assertEquals(LinkExtractor.UNSUPPORTED_TYPE, binary.type());

        byte[] doc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0};
        ExtractedDocument word97 = extractor.extract("q4.doc", doc, null);
        assertEquals(LinkExtractor.UNSUPPORTED_TYPE, word97.type());
        assertTrue(word97.warnings().get(0).contains("save it as .docx"), word97.warnings().toString());
    }

    @Test
    void emptyFileIsAWarning() {
        for (String name : List.of("tom.pdf", "tom.docx", "tom.md", "tom.html", "tom.txt")) {
            ExtractedDocument doc = extractor.extract(name, new byte[0], null);
            assertEquals(List.of(), doc.links(), name);
            assertEquals(List.of("empty file"), doc.warnings(), name);
        }
        assertEquals("pdf", extractor.extract("tom.pdf", new byte[0], null).type());
    }

    @Test
    void folderWalkIsRecursiveSortedAndSkipsHiddenAndUnknownFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("2024/q4"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("2024/q4/b.md"), "[a](https://example.org/b)\n");
        Files.writeString(dir.resolve("2024/a.HTML"), "<a href=\"https://example.org/a\">a</a>");
        Files.writeString(dir.resolve("notes.txt"), "https://example.org/notes\n");
        Files.writeString(dir.resolve(".skjult.md"), "https://example.org/hidden\n");
        Files.writeString(dir.resolve(".git/HEAD.txt"), "https://example.org/git\n");
        Files.writeString(dir.resolve("bilde.png"), "https://example.org/png\n");
        Files.writeString(dir.resolve("feeds.yml"), "https://example.org/yml\n");

        List<ExtractedDocument> docs = extractor.extractPath(dir);
        assertEquals(List.of(dir.resolve("2024/a.HTML").toString(), dir.resolve("2024/q4/b.md").toString(),
                dir.resolve("notes.txt").toString()), docs.stream().map(ExtractedDocument::document).toList());
        assertEquals(List.of("html", "markdown", "text"), docs.stream().map(ExtractedDocument::type).toList());
        assertEquals(List.of("https://example.org/a", "https://example.org/b", "https://example.org/notes"),
                docs.stream().flatMap(d -> d.links().stream()).map(LinkOccurrence::url).toList());
    }

    @Test
    void symbolicLinksToFilesAreReadButLinkedFoldersAreNotWalked(@TempDir Path dir) throws IOException {
        Path issues = Files.createDirectories(dir.resolve("issues"));
        Path elsewhere = Files.writeString(dir.resolve("q1.md"), "https://example.org/q1\n");
        Files.writeString(issues.resolve("q2.md"), "https://example.org/q2\n");
        try {
            Files.createSymbolicLink(issues.resolve("q1.md"), elsewhere);
            Files.createSymbolicLink(issues.resolve("loop"), issues);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        List<ExtractedDocument> docs = extractor.extractPath(issues);
        assertEquals(List.of("https://example.org/q1", "https://example.org/q2"),
                docs.stream().flatMap(d -> d.links().stream()).map(LinkOccurrence::url).toList());
    }

    @Test
    void aFileGivenDirectlyIsReadWhateverItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("utgave-uten-endelse");
        Files.writeString(file, "Se https://example.org/x\n");
        List<ExtractedDocument> docs = extractor.extractPath(file);
        assertEquals(1, docs.size());
        assertEquals(new LinkOccurrence("https://example.org/x", file.toString(), "line 1", ""),
                docs.get(0).links().get(0));
    }

    @Test
    void oversizedFilesAreNotReadButNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("small.md"), "https://example.org/small\n");
        Files.write(dir.resolve("big.md"), new byte[2048]);
        List<ExtractedDocument> docs = new LinkExtractor(1024).extractPath(dir);
        ExtractedDocument big = docs.get(0);
        assertEquals(dir.resolve("big.md").toString(), big.document());
        assertEquals("markdown", big.type());
        assertEquals(List.of("not read: 2048 bytes is more than the limit of 1024 bytes"), big.warnings());
        assertEquals(1, docs.get(1).links().size());
    }

    @Test
    void aFolderWithMoreIssueFilesThanTheLimitIsRefusedWithoutReadingOne(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("a.md"), "https://example.org/a\n");
        Files.writeString(dir.resolve("sub/b.md"), "https://example.org/b\n");
        Files.writeString(dir.resolve("c.txt"), "https://example.org/c\n");
        Files.writeString(dir.resolve("bilde.png"), "not counted\n");
        LinkExtractor readsNothing = new LinkExtractor(1024, java.util.Map.of(
                DocumentType.MARKDOWN, source -> { throw new AssertionError("read " + source.document()); },
                DocumentType.TEXT, source -> { throw new AssertionError("read " + source.document()); }));

        TooManyFilesException e = assertThrows(TooManyFilesException.class, () -> readsNothing.withMaxFiles(2).extractPath(dir));
        assertEquals(3, e.found());
        assertEquals(2, e.limit());
        assertEquals(dir, e.folder());
        assertEquals(3, extractor.withMaxFiles(3).extractPath(dir).size(), "at the limit all are read");
        assertEquals(1, extractor.withMaxFiles(1).extractPath(dir.resolve("a.md")).size(),
                "a file named directly is no folder");
    }

    @Test
    void missingPathIsAnException(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> extractor.extractPath(dir.resolve("finnes-ikke")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://www.example.no/a#b           | HTTP",
        "HTTP://EXAMPLE.NO                    | HTTP",
        "  https://example.no/a               | HTTP",
        "https://                             | INVALID",
        "http://[2001:db8::1]:8080/a          | HTTP",
        "http://user@example.no/a             | HTTP",
        "https://example.no:8443              | HTTP",
        "https://exa mple.no/                 | INVALID",
        "http:///sti                          | INVALID",
        "mailto:post@example.no               | MAILTO",
        "MailTo:post@example.no               | MAILTO",
        "tel:+4722000000                      | TEL",
        "javascript:void(0)                   | JAVASCRIPT",
        "data:text/html;base64,PGgxPg==       | DATA",
        "ftp://ftp.example.no/fil.pdf         | FTP",
        "file:///C:/Users/red/q4.docx         | FILE",
        "C:\\Users\\red\\q4.docx                | FILE",
        "#seksjon-2                           | FRAGMENT",
        "../arkiv/2023.md                     | RELATIVE",
        "/rapporter/2024.pdf                  | RELATIVE",
        "//cdn.example.no/x                   | RELATIVE",
        "sms:+4799999999                      | OTHER",
        "''                                   | INVALID",
    })
    void schemes(String url, LinkScheme scheme) {
        assertEquals(scheme, LinkExtractor.classifyScheme(url));
        assertEquals(scheme == LinkScheme.HTTP, scheme.checkable());
    }
}
