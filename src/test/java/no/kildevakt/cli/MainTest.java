package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top-level command without a subcommand. */
class MainTest {
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
}
