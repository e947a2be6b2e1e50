package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --db} naming a device or a folder: one line, exit 2, nothing made beside it. */
class DatabaseFileCliTest {
    @TempDir
    Path dir;

    @Test
    void crawlAndItemsRefuseADeviceOrAFolderAsTheDatabase() throws Exception {
        Path config = Files.writeString(dir.resolve("feeds.yml"), """
                settings:
                  contact: "test@example.org"
                sources:
                  - {id: reg-jd, name: Justis- og beredskapsdepartementet, url: "http://127.0.0.1:9/jd.rss", section: norske}
                """);
        Path lock = Path.of("/dev/null.lock");
        Path journal = Path.of("/dev/null-journal");
        Files.deleteIfExists(lock);
        Files.deleteIfExists(journal);
        try {
            for (String command : new String[] {"crawl", "items"}) {
                CliRun r = CliRun.of(config, Path.of("/dev/null"), command);
                assertEquals(2, r.code(), command + ": " + r.err());
                assertEquals("/dev/null: cannot open database /dev/null: it is not a regular file but a device or a pipe", r.err().strip(), command);
                assertFalse(Files.exists(lock), command + " left /dev/null.lock behind");
                assertFalse(Files.exists(journal), command + " left /dev/null-journal behind");
            }
            CliRun folder = CliRun.of(config, dir, "crawl");
            assertEquals(2, folder.code(), folder.err());
            assertEquals(dir + ": cannot open database " + dir + ": it is a folder, not a file", folder.err().strip());
        } finally {
            Files.deleteIfExists(lock);
            Files.deleteIfExists(journal);
        }
    }
}
