package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output} never overwrites what a command reads or keeps: the database and its companion
 * files, feeds.yml, or the document being checked. Those are refused (exit 2, one line, the file
 * untouched); anything else is written whole through a temporary file renamed into place.
 */
class OutputTargetTest {
    @TempDir
    Path dir;

    private Path db;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("k.db");
        config = dir.resolve("feeds.yml");
        Files.writeString(config, """
                settings:
                  contact: "test@example.org"
                sources:
                  - {id: reg-jd, name: Justis- og beredskapsdepartementet, url: "https://www.regjeringen.no/jd.rss", section: norske}
                """);
        Store.open(db).close();
    }

    private CliRun run(String... args) {
        return CliRun.of(config, db, args);
    }

    private static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    private static void assertRefused(CliRun run, Path output, String what) {
        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertEquals("refusing to write --output " + output + ": it is " + what, run.err().strip());
    }

    @Test
    void digestRefusesToWriteOverTheDatabaseOrItsCompanions() throws Exception {
        byte[] before = bytes(db);
        assertRefused(run("digest", "--period", "2025-03", "--output", db.toString()), db, "the database");
        assertArrayEquals(before, bytes(db));
        try (Store store = Store.open(db)) {
            assertEquals(Store.supportedSchemaVersion(), store.schemaVersion());
        }
        for (String suffix : List.of("-wal", "-journal", "-shm", ".lock")) {
            Path companion = dir.resolve("k.db" + suffix);
            CliRun r = run("digest", "--period", "2025-03", "--output", companion.toString());
            assertEquals(2, r.code(), suffix + ": " + r.err());
            assertTrue(r.err().startsWith("refusing to write --output " + companion + ": it is the database's"), r.err());
        }
    }

    @Test
    void theDatabaseIsRecognisedUnderAnotherSpellingOrThroughALink() throws Exception {
        Path relative = Path.of("").toAbsolutePath().relativize(db);
        Path dotted = Files.createDirectory(dir.resolve("sub")).resolve("../k.db");
        Path link = Files.createSymbolicLink(dir.resolve("innocent.md"), db);
        byte[] before = bytes(db);
        for (Path output : List.of(relative, dotted, link)) {
            assertRefused(run("digest", "--period", "2025-03", "--output", output.toString()), output, "the database");
        }
        assertArrayEquals(before, bytes(db));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void draftRefusesToWriteOverTheConfig() throws Exception {
        byte[] before = bytes(config);
        assertRefused(run("draft", "--period", "2025-Q1", "--output", config.toString()), config, "the config file");
        assertArrayEquals(before, bytes(config));
    }

    @Test
    void checkLinksRefusesToWriteOverTheDocumentItChecksOrTheDatabase() throws Exception {
        Path issue = dir.resolve("issue.md");
        Files.writeString(issue, "# Nyhetsbrev\n\nIngen lenker her.\n");
        byte[] before = bytes(issue);
        assertRefused(run("check-links", issue.toString(), "--output", issue.toString()), issue, "a document being checked");
        assertArrayEquals(before, bytes(issue));

        Path folder = Files.createDirectory(dir.resolve("issues"));
        Path inFolder = Files.writeString(folder.resolve("1-2025.md"), "# Nyhetsbrev 1/2025\n");
        assertRefused(run("check-links", folder.toString(), "--output", inFolder.toString()), inFolder, "a document being checked");
        assertEquals("# Nyhetsbrev 1/2025\n", Files.readString(inFolder));

        assertRefused(run("check-links", issue.toString(), "--output", db.toString()), db, "the database");
        assertArrayEquals(before, bytes(issue));
    }

    @Test
    void anOrdinaryOutputIsWrittenAndLeavesNoTemporaryFileBehind() throws Exception {
        Path out = dir.resolve("out/digest.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "old digest");
        CliRun r = run("digest", "--period", "2025-03", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).startsWith("#"), Files.readString(out));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void anOutputThroughALinkReplacesTheFileItPointsToAndKeepsTheLink() throws Exception {
        Path real = Files.writeString(dir.resolve("real.md"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.md"), real);
        CliRun r = run("draft", "--period", "2025-Q1", "--output", link.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("#"), Files.readString(real));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesThePreviousFileWholeAndNoTemporaryFile() throws Exception {
        Path out = Files.writeString(dir.resolve("report.md"), "the previous report");
        OutputTarget target = OutputTarget.of(out);
        IOException failure = assertThrows(IOException.class, () -> target.write(writer -> {
            writer.write("half a new rep");
            writer.flush();
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("the previous report", Files.readString(out, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains("report.md") && !f.equals(out)).toList());
        }
    }
}
