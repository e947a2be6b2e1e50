package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README must stay true: its feeds.yml example validates, and its commands parse. */
class ReadmeTest {
    private static final Path README = Path.of("README.md");

    @TempDir
    Path dir;

    @Test
    void theFeedsYmlExampleValidates() throws IOException {
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
        assertTrue(yaml.find(), "README has a feeds.yml example");
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, yaml.group(1));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--config", file.toString(), "validate"},
                new Main.Terminal(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandExampleParses() throws IOException {
        Matcher example = Pattern.compile("(?:java (?:-\\S+ )*-jar \\S*kildevakt\\.jar|\\S*bin/kildevakt) ([^`\\n>]*)").matcher(Files.readString(README));
        List<String> seen = new ArrayList<>();
        while (example.find()) {
            String[] args = example.group(1).trim().split("\\s+");
            seen.add(String.join(" ", args));
            CommandLine cli = Main.commandLine(new Main.Terminal(System.out, System.err, Map.of(), false));
            assertDoesNotThrow(() -> cli.parseArgs(args), "README example does not parse: " + Arrays.toString(args));
        }
        assertFalse(seen.isEmpty());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("crawl")) && seen.stream().anyMatch(s -> s.startsWith("items"))
                && seen.stream().anyMatch(s -> s.startsWith("sources")) && seen.stream().anyMatch(s -> s.startsWith("validate")), seen.toString());
    }
}
