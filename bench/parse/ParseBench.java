import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import no.kildevakt.read.feed.FeedParseException;
import no.kildevakt.read.feed.FeedParser;
import no.kildevakt.read.feed.ParsedFeed;

/**
 * Parse throughput of kildevakt's {@link FeedParser}, run by hand (see bench/parse/README.md).
 *
 * <p>Why this shape: it must measure the parser, not the disk or the JVM's start-up, so every file is
 * read into memory before the clock starts and a few unmeasured warm-up rounds let the JIT compile the
 * hot paths. The figure is the median of the measured rounds, because on a shared machine single
 * rounds are disturbed by other people's work. Bad feeds are part of the corpus on purpose: a
 * {@link FeedParseException} is counted as a failure, and anything else thrown is counted separately
 * as unexpected (the parser's contract says it only throws {@code FeedParseException}).
 *
 * <p>Run from the repository root with the shaded jar on the classpath:
 * {@code java -cp target/kildevakt.jar bench/parse/ParseBench.java [--warmup N] [--rounds N] [--failures OUT] FILE_LIST}
 * where FILE_LIST has one path per line; OUT gets one {@code path<TAB>message} line per failed file. Prints human-readable lines, then one line
 * {@code RESULT<TAB>kildevakt<TAB>files<TAB>files/s<TAB>entries<TAB>failures} for run.sh.
 */
public final class ParseBench {
    private ParseBench() {
    }

    /** One file's bytes and the path they came from, for failure messages. */
    record Input(Path path, byte[] bytes) {
    }

    /** What one pass over all inputs found; identical in every round, so it also checks determinism. */
    record Pass(long nanos, long entries, int failures, int unexpected, List<String> failureLines) {
    }

    public static void main(String[] args) throws IOException {
        int warmup = 10;
        int rounds = 10;
        Path list = null;
        Path failuresOut = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--failures" -> failuresOut = Path.of(args[++i]);
                default -> list = Path.of(args[i]);
            }
        }
        if (list == null || rounds < 1 || warmup < 0) {
            System.err.println("usage: java -cp target/kildevakt.jar bench/parse/ParseBench.java [--warmup N] [--rounds N] [--failures OUT] FILE_LIST");
            System.exit(2);
        }
        List<Input> inputs = new ArrayList<>();
        long totalBytes = 0;
        for (String line : Files.readAllLines(list)) {
            if (!line.isBlank()) {
                Path path = Path.of(line.strip());
                byte[] bytes = Files.readAllBytes(path);
                inputs.add(new Input(path, bytes));
                totalBytes += bytes.length;
            }
        }
        System.out.printf(Locale.ROOT, "kildevakt: %d files, %.2f MB, %d warm-up + %d measured rounds%n",
                inputs.size(), totalBytes / 1e6, warmup, rounds);

        FeedParser parser = new FeedParser();
        for (int r = 0; r < warmup; r++) {
            Pass pass = pass(parser, inputs);
            System.out.printf(Locale.ROOT, "  warm-up %d: %.1f files/s%n", r + 1, filesPerSecond(inputs.size(), pass.nanos()));
        }
        double[] rates = new double[rounds];
        Pass last = null;
        for (int r = 0; r < rounds; r++) {
            last = pass(parser, inputs);
            rates[r] = filesPerSecond(inputs.size(), last.nanos());
            System.out.printf(Locale.ROOT, "  round %d:   %.1f files/s%n", r + 1, rates[r]);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
        System.out.printf(Locale.ROOT, "  median %.1f files/s (min %.1f, max %.1f); %d entries, %d failures (%d unexpected)%n",
                median, sorted[0], sorted[rounds - 1], last.entries(), last.failures(), last.unexpected());
        if (!last.failureLines().isEmpty()) {
            System.out.println("  first failure: " + last.failureLines().get(0));
        }
        if (failuresOut != null) {
            Files.write(failuresOut, last.failureLines());
        }
        System.out.printf(Locale.ROOT, "RESULT\tkildevakt\t%d\t%.1f\t%d\t%d%n",
                inputs.size(), median, last.entries(), last.failures());
    }

    private static Pass pass(FeedParser parser, List<Input> inputs) {
        long entries = 0;
        int failures = 0;
        int unexpected = 0;
        List<String> failureLines = new ArrayList<>();
        long start = System.nanoTime();
        for (Input input : inputs) {
            try {
                ParsedFeed feed = parser.parse(input.bytes(), null, null);
                entries += feed.entries().size();
            } catch (FeedParseException e) {
                failures++;
                failureLines.add(input.path() + "\t" + e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                failures++;
                unexpected++;
                failureLines.add(input.path() + "\tunexpected " + e);
            }
        }
        return new Pass(System.nanoTime() - start, entries, failures, unexpected, failureLines);
    }

    private static double filesPerSecond(int files, long nanos) {
        return files / (nanos / 1e9);
    }
}
