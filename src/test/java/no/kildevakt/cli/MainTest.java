package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level command without a subcommand, and checks every command shares. */
class MainTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.raw(Map.of(), false, args);
    }

    @Test
    void validateSaysWhenTheDefaultTopicsApply() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(feeds, "sources:\n  - {id: a, url: \"https://a.no/feed\", section: norske}\n");
        CliRun defaults = run("--config", feeds.toString(), "validate");
        assertEquals(Main.OK, defaults.code(), defaults.err());
        assertEquals(feeds + ": ok — 1 sources (1 feed) in 4 sections, "
                + no.kildevakt.rank.DefaultTopics.topics().size() + " default topics", defaults.out().strip());

        Files.writeString(feeds, "topics:\n  - {id: t, terms: [menneskehandel]}\n"
                + "sources:\n  - {id: a, url: \"https://a.no/feed\", section: norske}\n");
        assertTrue(run("--config", feeds.toString(), "validate").out().strip().endsWith("in 4 sections, 1 topics"));
    }

    @Test
    void aTopicTermThatCannotMatchIsAConfigurationErrorInValidateAndDigest() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(feeds, "topics:\n  - {id: t, terms: [\"*\"]}\n"
                + "sources:\n  - {id: a, url: \"https://a.no/feed\", section: norske}\n");
        Path db = dir.resolve("k.db");
        no.kildevakt.store.Store.open(db).close();
        String expected = feeds + ": topics: topic t: term \"*\" has no words to match";
        for (String[] command : new String[][] {{"validate"}, {"digest", "--period", "2025-Q1"}, {"draft", "--period", "2025-Q1"},
                {"items", "--json"}}) {
            String[] args = new String[command.length + 4];
            System.arraycopy(new String[] {"--config", feeds.toString(), "--db", db.toString()}, 0, args, 0, 4);
            System.arraycopy(command, 0, args, 4, command.length);
            CliRun r = run(args);
            assertEquals(Main.USAGE, r.code(), command[0] + ": " + r.err());
            assertEquals(expected, r.err().strip(), command[0]);
        }
    }

    @Test
    void noCommandNamesEveryRegisteredCommandAndIsAUsageError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[0], new Main.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false));
        assertEquals(Main.USAGE, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("kildevakt: a command is required (validate, crawl, items, sources, "), message);
        for (String command : new String[] {"digest", "draft", "check-links", "issues"}) {
            assertTrue(message.contains(command), command + " missing from: " + message);
        }
        assertTrue(!message.contains("help,") && message.strip().lines().count() == 1, message);
    }

    @Test
    void helpAndAMistakeBeforeTheCommandStillListEveryCommand() {
        CliRun help = run("--help");
        assertEquals(Main.OK, help.code(), help.err());
        CliRun mistake = run("--no-such-option", "validate");
        assertEquals(Main.USAGE, mistake.code(), mistake.out());
        assertTrue(mistake.err().startsWith("Unknown option: '--no-such-option'"), mistake.err());
        for (String command : Main.COMMANDS) {
            assertTrue(help.out().contains("  " + command + " "), command + " missing from: " + help.out());
            assertTrue(mistake.err().contains("  " + command + " "), command + " missing from: " + mistake.err());
        }
        CliRun one = run("validate", "--help");
        assertEquals(Main.OK, one.code(), one.err());
        assertTrue(one.out().startsWith("Usage: kildevakt validate"), one.out());
    }

    @Test
    void everyCommandIsMadeUnderItsOwnName() {
        for (String name : Main.COMMANDS) {
            Object command = Main.command(name);
            assertEquals(name, command.getClass().getAnnotation(picocli.CommandLine.Command.class).name());
        }
    }
}
