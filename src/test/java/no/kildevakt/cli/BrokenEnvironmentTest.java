package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java installation that cannot do what kildevakt needs of it, each in a child JVM because what
 * fails is set up once per JVM: the command says so in one line, naming the cause and the cure, not
 * with stack traces. Also the libraries' own logging, which is configured once per JVM.
 */
class BrokenEnvironmentTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, List<String> errLines) {
    }

    private Run kildevakt(String jvmFlag, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
                jvmFlag, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(50, TimeUnit.SECONDS), "the child JVM did not finish");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    /**
     * TLS cannot be set up (here a trust store type that does not exist, as a stray
     * {@code javax.net.ssl.trustStoreType} in JAVA_TOOL_OPTIONS would make it). Every command that
     * fetches stops with one line naming the JDK's reason and exit code 1; before, the warm-up thread
     * met the failure first and the command died with a stack trace and "Could not initialize class
     * ClientBase$Tls". Commands that fetch nothing run.
     */
    @Test
    @Timeout(120)
    void fetchingCommandsSayInOneLineThatTheJdksTlsIsBroken() throws Exception {
        String brokenTls = "-Djavax.net.ssl.trustStoreType=nonesuch";
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                    .body(CliTest.rss(CliTest.item("a-1", "Sak", "https://x.example/1", "Thu, 17 Sep 2026 11:00:00 +0200")))
                    .build());
            server.start();
            Path config = dir.resolve("feeds.yml");
            Files.writeString(config, """
                    settings: {per_host_delay: 10ms, timeout: 5s, retries: 0}
                    sources:
                      - {id: a, url: "%s", section: norske}
                    """.formatted(server.url("/a.rss")));
            Path issue = dir.resolve("issue.md");
            Files.writeString(issue, "Se [rapporten](" + server.url("/rapport") + ").\n");
            String db = dir.resolve("k.db").toString();

            for (Run run : List.of(kildevakt(brokenTls, "--config", config.toString(), "--db", db, "crawl"),
                    kildevakt(brokenTls, "--db", db, "check-links", issue.toString()))) {
                assertEquals(1, run.code(), run.errLines().toString());
                assertEquals(1, run.errLines().size(), run.errLines().toString());
                String line = run.errLines().get(0);
                assertTrue(line.startsWith("kildevakt: the JDK's TLS set-up failed, so nothing can be fetched"), line);
                assertTrue(line.contains("nonesuch"), "names the JDK's reason: " + line);
            }
            assertEquals(0, server.getRequestCount(), "nothing was fetched");

            Run validate = kildevakt(brokenTls, "--config", config.toString(), "validate");
            assertEquals(0, validate.code(), validate.errLines().toString());
            assertTrue(validate.out().contains(": ok"), validate.out());
        }
    }

    /**
     * SQLite's native library cannot be unpacked: the temporary folder is missing (or, on a hardened
     * server, mounted noexec). The driver logged three stack traces and then said "No native library
     * found for os.name=Linux"; the command now says which folder and how to give another, in one line.
     */
    @Test
    @Timeout(60)
    void anUnusableTemporaryFolderIsNamedInOneLine() throws Exception {
        Path missing = dir.resolve("no-such-tmp");
        Path config = dir.resolve("feeds.yml");
        Files.writeString(config, """
                sources:
                  - {id: a, url: "http://127.0.0.1:9/a.rss", section: norske}
                """);
        Run run = kildevakt("-Djava.io.tmpdir=" + missing, "--config", config.toString(), "--db",
                dir.resolve("k.db").toString(), "crawl");
        assertEquals(2, run.code(), run.errLines().toString());
        assertEquals(1, run.errLines().size(), run.errLines().toString());
        String line = run.errLines().get(0);
        assertTrue(line.contains("SQLite's native library could not be unpacked into the temporary folder " + missing
                + " (java.io.tmpdir), which does not exist"), line);
        assertTrue(line.contains("-Dorg.sqlite.tmpdir=DIR"), line);
    }

    /**
     * A file that is not the PDF its name says gets kildevakt's one warning, in the report; PDFBox's own
     * about the same bytes ("WARN PDFParser - ... Header doesn't contain versioninfo" on standard error)
     * was cron-mail noise beside it, and shows only with -v. These random bytes (seed 1) make PDFBox
     * say it.
     */
    @Test
    @Timeout(60)
    void aBrokenPdfGetsOneWarningNotTheLibrarysToo() throws Exception {
        Path pdf = dir.resolve("nummer.pdf");
        byte[] bytes = new byte[3000];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(pdf, bytes);
        String db = dir.resolve("k.db").toString();
        Run run = kildevakt("-Xshare:auto", "--db", db, "check-links", pdf.toString());
        assertEquals(List.of(), run.errLines());
        assertTrue(run.out().startsWith("warning: " + pdf + ": not a readable PDF ("), run.out());
        Run verbose = kildevakt("-Xshare:auto", "-v", "--db", db, "check-links", pdf.toString());
        assertTrue(verbose.errLines().stream().anyMatch(line -> line.contains("PDFParser")), verbose.errLines().toString());
    }
}
