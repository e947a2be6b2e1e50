package no.kildevakt.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The leaves stay leaves: text, dates and items are used by every step, so they import nothing of
 * the steps above them (no reader, no crawl, no store) — only leaves below them.
 */
class LeafPackagesTest {
    private static final Path SOURCES = Path.of("src/main/java/no/kildevakt");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?no\\.kildevakt\\.([a-z]+)", Pattern.MULTILINE);

    @Test
    void textImportsNothingOfKildevakt() throws IOException {
        assertEquals(List.of(), importsOutside("text", List.of()));
    }

    @Test
    void dateImportsNothingOfKildevakt() throws IOException {
        assertEquals(List.of(), importsOutside("date", List.of()));
    }

    @Test
    void itemImportsOnlyLeaves() throws IOException {
        assertEquals(List.of(), importsOutside("item", List.of("text", "date")));
    }

    /** "File: package" for every import of a kildevakt package other than {@code pkg} and {@code allowed}. */
    private static List<String> importsOutside(String pkg, List<String> allowed) throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().flatMap(f -> {
                try {
                    Matcher m = IMPORT.matcher(Files.readString(f));
                    return m.results().map(r -> r.group(1))
                            .filter(p -> !p.equals(pkg) && !allowed.contains(p))
                            .map(p -> f.getFileName() + ": " + p).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
