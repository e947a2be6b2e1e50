package no.kildevakt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl lock, within this JVM and against other processes. */
class CrawlLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondAttemptInThisJvmIsRefusedUntilTheFirstIsClosed() throws Exception {
        Path db = dir.resolve("data/kildevakt.db");
        Optional<CrawlLock> first = CrawlLock.tryAcquire(db);
        assertTrue(first.isPresent());
        Path lockFile = dir.resolve("data/kildevakt.db.lock");
        assertEquals(lockFile.toRealPath(), first.get().lockFile());
        assertTrue(CrawlLock.tryAcquire(db).isEmpty());

        first.get().close();
        first.get().close(); // idempotent
        assertTrue(Files.exists(lockFile), "the file stays behind");
        try (CrawlLock again = CrawlLock.tryAcquire(db).orElseThrow()) {
            assertTrue(again.holder().startsWith("pid=" + ProcessHandle.current().pid() + " started="));
        }
    }

    @Test
    void theLockFileSaysWhoHoldsIt() throws Exception {
        Path db = dir.resolve("k.db");
        Files.writeString(dir.resolve("k.db.lock"), "pid=1 started=long ago host=elsewhere and a lot of stale text\n"
                .repeat(20));
        try (CrawlLock lock = CrawlLock.tryAcquire(db).orElseThrow()) { // a stale file does not block
            String text = Files.readString(dir.resolve("k.db.lock"), StandardCharsets.UTF_8);
            assertEquals(lock.holder() + "\n", text, "truncated and rewritten");
            assertTrue(text.matches("pid=\\d+ started=\\S+Z host=\\S+\\n"), text);
            assertEquals("another crawl holds the lock (" + lock.holder() + ")", CrawlLock.describeHolder(db));
        }
        Files.delete(dir.resolve("k.db.lock"));
        assertEquals("another crawl holds the lock " + dir.resolve("k.db.lock").toAbsolutePath(),
                CrawlLock.describeHolder(db));
    }

    @Test
    void aLockHeldByAKilledProcessDoesNotBlock() throws Exception {
        Path db = dir.resolve("k.db");
        Process holder = startJava("hold", db);
        try {
            assertEquals("locked", firstLine(holder));
            assertTrue(CrawlLock.tryAcquire(db).isEmpty(), "held by the live child");
            assertEquals("held", probe(db), "and by another process's view too");
            String description = CrawlLock.describeHolder(db);
            assertTrue(description.startsWith("another crawl holds the lock (pid=" + holder.pid() + " started="),
                    description);
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            assertTrue(holder.waitFor(20, TimeUnit.SECONDS));
        }
        try (CrawlLock lock = CrawlLock.tryAcquire(db).orElseThrow()) {
            assertTrue(lock.holder().startsWith("pid=" + ProcessHandle.current().pid()));
        }
    }

    @Test
    void retryingOrDescribingInThisJvmDoesNotLoseTheLockToOtherProcesses() throws Exception {
        // POSIX drops all of a process's locks on a file when any descriptor of it is closed;
        // neither a second attempt nor describeHolder may open and close the file behind our back.
        Path db = dir.resolve("k.db");
        try (CrawlLock lock = CrawlLock.tryAcquire(db).orElseThrow()) {
            assertTrue(CrawlLock.tryAcquire(db).isEmpty());
            assertTrue(CrawlLock.tryAcquire(dir.resolve("./k.db")).isEmpty(), "another spelling of the path");
            assertEquals("another crawl holds the lock (" + lock.holder() + ")", CrawlLock.describeHolder(db));
            assertEquals("held", probe(db));
        }
        assertEquals("acquired", probe(db));
    }

    private static String probe(Path db) throws Exception {
        Process probe = startJava("probe", db);
        try {
            return firstLine(probe);
        } finally {
            assertTrue(probe.waitFor(20, TimeUnit.SECONDS));
        }
    }

    private static Process startJava(String mode, Path db) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx32m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(), mode, db.toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The child's first line of output, waiting at most 20 s for it. */
    private static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return line.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw e;
        }
    }
}
