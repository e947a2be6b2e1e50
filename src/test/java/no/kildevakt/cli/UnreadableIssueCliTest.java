package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An issue that cannot be read is a failed run, named, never a clean one; no network is needed. */
class UnreadableIssueCliTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("none.yml"), dir.resolve("k.db"), args);
    }

    private Path garbagePdf() throws IOException {
        Path file = dir.resolve("2024-4.pdf");
        Files.write(file, "%PDF-1.7\nthis is no PDF at all\n".getBytes(StandardCharsets.US_ASCII));
        return file;
    }

    @Test
    void checkLinksOnAnUnreadableDocumentExitsOneNamingIt() throws IOException {
        Path pdf = garbagePdf();
        Path text = dir.resolve("ok.txt");
        Files.writeString(text, "Ingen lenker her.\n");
        CliRun run = run("check-links", pdf.toString(), text.toString());
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("warning: " + pdf + ": not a readable PDF"), run.out());

        CliRun json = run("check-links", pdf.toString(), "--format", "json");
        assertEquals(1, json.code(), json.err());
        assertEquals(1, json.json().get("summary").get("unreadable").asInt(), json.out());
        assertTrue(json.err().contains(pdf + ": not a readable PDF"), json.err());
    }

    @Test
    void issuesAddOfAnUnreadableDocumentExitsOneAndStoresNothing() throws IOException {
        Path pdf = garbagePdf();
        CliRun add = run("issues", "add", pdf.toString(), "--period", "2024-Q4");
        assertEquals(1, add.code(), add.out() + add.err());
        assertTrue(add.err().contains(pdf + ": not a readable PDF"), add.err());
        assertTrue(add.err().contains("issues add: " + pdf + " could not be read; not stored"), add.err());
        CliRun list = run("issues", "list", "--json");
        assertEquals(0, list.json().get("issues").size(), list.out());
    }
}
