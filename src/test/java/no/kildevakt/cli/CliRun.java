package no.kildevakt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of the command line and what it printed: what every CLI test does, in one
 * place, so that each test says only which arguments it gives and what it expects back.
 */
record CliRun(int code, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code kildevakt --config CONFIG --db DB ARGS...}, not on a terminal, with an empty environment. */
    static CliRun of(Path config, Path db, String... args) {
        return of(config, db, false, args);
    }

    /** As {@link #of(Path, Path, String...)}, on a terminal or not (progress lines are only drawn on one). */
    static CliRun of(Path config, Path db, boolean interactive, String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString(), "--db", db.toString()));
        all.addAll(List.of(args));
        return raw(Map.of(), interactive, all.toArray(String[]::new));
    }

    /** Exactly these arguments, with this environment. */
    static CliRun raw(Map<String, String> env, boolean interactive, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Main.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, interactive));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output read as JSON. */
    JsonNode json() throws IOException {
        return JSON.readTree(out);
    }
}
