package no.kildevakt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package map of ARCHITECTURE.md, enforced over the sources' imports: data flows one way, so
 * a step may use only the steps before it (and its own sub-packages), the leaves use nothing of
 * kildevakt, and the command line and the review page reach the database only through the store's
 * views, never its SQL. A plain test over the source text rather than a library: the rules are few,
 * and a failure names the file and the import.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/no/kildevakt");

    /** Each step's place in the pipeline; a step imports only lower ones, or its own step's packages. */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("", 0), // Version
            Map.entry("text", 0),
            Map.entry("date", 0),
            Map.entry("config", 1),
            Map.entry("item", 1),
            Map.entry("fetch", 2),
            Map.entry("read", 3),
            Map.entry("enrich", 4),
            Map.entry("store", 4),
            Map.entry("crawl", 5),
            Map.entry("rank", 6),
            Map.entry("digest", 7),
            Map.entry("links", 8),
            Map.entry("review", 9),
            Map.entry("cli", 10));

    /** Leaves: used by every step, so they use none. */
    private static final List<String> LEAVES = List.of("text", "date");

    private static final Pattern KILDEVAKT = Pattern.compile("^import (?:static )?no\\.kildevakt\\.((?:[a-z]+\\.)*)[A-Z]", Pattern.MULTILINE);
    private static final Pattern SQL = Pattern.compile("^import (?:static )?java\\.sql\\.", Pattern.MULTILINE);
    private static final Pattern SCHEMA = Pattern.compile("\\bSchema\\b");

    @Test
    void everyPackageHasAPlaceInThePipeline() throws IOException {
        for (String pkg : packages()) {
            assertNotNull(RANK.get(step(pkg)), "no rank for package " + pkg + ": give it its place in ARCHITECTURE.md and here");
        }
    }

    @Test
    void aStepUsesOnlyTheStepsBeforeIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String pkg : packages()) {
            for (Import i : imports(pkg)) {
                boolean sameStep = step(i.target()).equals(step(pkg)) && !step(pkg).isEmpty();
                if (!sameStep && RANK.get(step(i.target())) >= RANK.get(step(pkg))) {
                    wrong.add(i.file() + " imports " + display(i.target()));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theLeavesImportNothingOfKildevakt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String leaf : LEAVES) {
            imports(leaf).forEach(i -> wrong.add(i.file() + " imports " + display(i.target())));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCommandLineAndTheReviewPageUseTheStoreOnlyThroughItsViews() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String pkg : packages()) {
            if (!step(pkg).equals("cli") && !step(pkg).equals("review")) {
                continue;
            }
            for (Path f : javaFiles(pkg)) {
                String text = Files.readString(f);
                if (SQL.matcher(text).find()) {
                    wrong.add(f.getFileName() + " uses JDBC");
                }
                if (SCHEMA.matcher(text).find()) {
                    wrong.add(f.getFileName() + " names the store's Schema");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private record Import(String file, String target) {}

    /** Every import of another kildevakt package from {@code pkg}'s own files (not its sub-packages). */
    private static List<Import> imports(String pkg) throws IOException {
        List<Import> found = new ArrayList<>();
        for (Path f : javaFiles(pkg)) {
            Matcher m = KILDEVAKT.matcher(Files.readString(f));
            while (m.find()) {
                String target = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                if (!target.equals(pkg)) {
                    found.add(new Import(f.getFileName().toString(), target));
                }
            }
        }
        return found;
    }

    private static List<Path> javaFiles(String pkg) throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg.replace('.', '/')))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Every package under no.kildevakt, dotted ("" for the root, "read.html"). */
    private static TreeSet<String> packages() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            TreeSet<String> all = new TreeSet<>();
            dirs.filter(Files::isDirectory).forEach(d -> {
                try (Stream<Path> in = Files.list(d)) {
                    if (in.anyMatch(f -> f.toString().endsWith(".java"))) {
                        all.add(SOURCES.relativize(d).toString().replace('/', '.'));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return all;
        }
    }

    /** The pipeline step a package belongs to: its first name ("read" for "read.html"). */
    private static String step(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    private static String display(String pkg) {
        return pkg.isEmpty() ? "no.kildevakt" : pkg;
    }
}
