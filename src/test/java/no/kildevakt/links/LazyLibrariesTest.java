package no.kildevakt.links;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import no.kildevakt.links.extract.LinkExtractor;
import no.kildevakt.links.report.ReportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check-links run loads only the libraries its documents and report need: reading an HTML issue loaded
 * POI, its logging and CommonMark, and a JSON report Jackson's databind, for nothing (a good part of a
 * tenth of a second of a run's start and end). Each check is made in a class loader of its own, so what
 * other tests loaded does not count.
 */
class LazyLibrariesTest {
    @TempDir
    Path dir;

    /** Loads this project's and its libraries' classes itself, so it can tell which it has loaded. */
    private static final class Isolated extends URLClassLoader {
        Isolated() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] classPath() {
            String[] entries = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
            URL[] urls = new URL[entries.length];
            try {
                for (int i = 0; i < entries.length; i++) {
                    urls[i] = Path.of(entries[i]).toUri().toURL();
                }
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
            return urls;
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void anHtmlIssueIsReadWithoutLoadingPoi() throws Exception {
        Path issue = dir.resolve("issue.html");
        Files.writeString(issue, "<html><body><p><a href=\"https://example.org/a\">a</a></p></body></html>", StandardCharsets.UTF_8);
        try (Isolated loader = new Isolated()) {
            Class<?> extractor = Class.forName(LinkExtractor.class.getName(), true, loader);
            Object links = extractor.getConstructor().newInstance();
            Object doc = extractor.getMethod("extractPath", Path.class).invoke(links, issue);
            assertTrue(doc.toString().contains("https://example.org/a"), doc.toString());
            for (String heavy : new String[] {"org.apache.poi.openxml4j.util.ZipSecureFile", "org.apache.logging.log4j.LogManager",
                    "org.apache.pdfbox.Loader", "org.apache.pdfbox.pdmodel.PDDocument", "org.commonmark.parser.Parser"}) {
                assertFalse(loader.loaded(heavy), heavy + " was loaded for an HTML issue");
            }
        }
    }

    @Test
    void aJsonReportIsWrittenWithoutJacksonDatabind() throws Exception {
        try (Isolated loader = new Isolated()) {
            Class<?> report = Class.forName(LinkReport.class.getName(), true, loader);
            Object empty = report.getConstructor(List.class, int.class, List.class, Instant.class)
                    .newInstance(List.of(), 0, List.of(), Instant.parse("2025-03-05T08:00:00Z"));
            Class<?> formats = Class.forName(ReportFormat.class.getName(), true, loader);
            Object json = formats.getMethod("of", String.class).invoke(null, "json");
            Object writer = formats.getMethod("writer", boolean.class).invoke(json, false);
            StringBuilder out = new StringBuilder();
            Class<?> writerType = Class.forName("no.kildevakt.links.report.ReportWriter", true, loader);
            writerType.getMethod("write", report, Appendable.class).invoke(writer, empty, out);
            assertTrue(out.toString().contains("\"links\" : [ ]"), out.toString());
            assertFalse(loader.loaded("com.fasterxml.jackson.databind.ObjectMapper"), "databind was loaded for a JSON report");
        }
    }
}
