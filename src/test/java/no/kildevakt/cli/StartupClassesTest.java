package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command loads only what it uses (issue 13): a short run's time is mostly class loading, so
 * {@code validate} must not pay for the web server, Jackson, PDFBox, POI, Rome or SQLite, nor for
 * picocli reflecting over every other command. Each case runs a fresh JVM with class-load logging,
 * as nothing else tells which classes a cold start loads.
 */
class StartupClassesTest {
    @TempDir
    Path dir;

    /** The classes a fresh {@code kildevakt ARGS} loaded, and its exit code first. */
    private List<String> classesLoaded(int expectedCode, String... args) throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not end");
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(expectedCode, p.exitValue(), out);
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] words = line.split(" ");
            for (int i = 0; i + 1 < words.length; i++) {
                if (words[i + 1].equals("source:")) {
                    classes.add(words[i]);
                }
            }
        }
        assertTrue(classes.size() > 100, "no class-load log read: " + classes);
        return classes;
    }

    private static void assertNoneFrom(List<String> classes, String... prefixes) {
        for (String prefix : prefixes) {
            List<String> found = classes.stream().filter(c -> c.startsWith(prefix)).toList();
            assertTrue(found.isEmpty(), prefix + " loaded: " + found.subList(0, Math.min(5, found.size())));
        }
    }

    @Test
    void validateLoadsNoOtherCommandNorWhatOnlyTheyUse() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(feeds, "sources:\n  - {id: a, url: \"https://a.no/feed\", section: norske}\n");
        List<String> classes = classesLoaded(Main.OK, "--config", feeds.toString(), "validate");
        assertTrue(classes.contains("no.kildevakt.cli.ValidateCommand"), "not the run expected");
        assertNoneFrom(classes, "no.kildevakt.cli.CrawlCommand", "no.kildevakt.cli.ServeCommand",
                "no.kildevakt.cli.CheckLinksCommand", "no.kildevakt.cli.DigestCommand", "no.kildevakt.cli.IssuesCommand",
                "no.kildevakt.review.", "no.kildevakt.links.", "com.fasterxml.jackson.", "org.apache.pdfbox.",
                "org.apache.poi.", "com.rometools.", "org.sqlite.", "com.sun.net.httpserver.", "org.commonmark.",
                "com.github.mustachejava.", "org.eclipse.angus.", "jakarta.mail.", "org.apache.lucene.");
    }

    @Test
    void aCrawlWithoutJsonSourcesLoadsNeitherJacksonsMapperNorTheOtherJobs() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        // a source nothing answers on: the crawl runs its whole course (robots.txt, the feed, the store) and fails it
        Files.writeString(feeds, "settings: {timeout: 1s, retries: 0}\nsources:\n  - {id: a, url: \"http://127.0.0.1:9/feed.xml\", section: norske}\n");
        List<String> classes = classesLoaded(1, "--config", feeds.toString(), "--db", dir.resolve("k.db").toString(), "crawl");
        assertTrue(classes.contains("no.kildevakt.cli.CrawlCommand"), "not the run expected");
        assertNoneFrom(classes, "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.databind.json.JsonMapper",
                "no.kildevakt.review.", "no.kildevakt.links.", "org.apache.pdfbox.", "org.apache.poi.", "com.sun.net.httpserver.",
                "com.github.mustachejava.", "jakarta.mail.");
    }

    @Test
    void aCrawlPrintingJsonWritesItWithoutJacksonsMapper() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(feeds, "settings: {timeout: 1s, retries: 0}\nsources:\n  - {id: a, url: \"http://127.0.0.1:9/feed.xml\", section: norske}\n");
        List<String> classes = classesLoaded(1, "--config", feeds.toString(), "--db", dir.resolve("k.db").toString(), "crawl", "--json");
        assertTrue(classes.contains("com.fasterxml.jackson.core.JsonGenerator"), "printed no JSON");
        assertTrue(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8).contains("\"new_items\" : 0"), "not the JSON expected");
        assertNoneFrom(classes, "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.databind.ser.",
                "com.fasterxml.jackson.databind.deser.");
    }
}
