package no.kildevakt.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps two crawls from running on one database at once. An OS file lock on
 * {@code <db>.lock}: the kernel releases it when the holder dies, so a crawl killed with
 * {@code kill -9} or a power cut never blocks the next one. The file itself is left behind on
 * release; a file nobody has locked blocks nothing. Its text ({@code pid=… started=… host=…})
 * only serves the "who holds it" message.
 *
 * <p>POSIX record locks belong to the process, and closing <em>any</em> descriptor of the file
 * drops all of the process's locks on it. So this JVM must never open and close the lock file
 * while it holds the lock — not for a second attempt, nor to read the holder's text. The
 * registry below, the one piece of JVM-wide state here, remembers which lock files this JVM
 * holds (and their text) so that both are answered without touching the file.
 */
public final class CrawlLock implements AutoCloseable {
    /** Lock files held by this JVM (real paths), with the text written into each. Guarded by itself. */
    private static final Map<Path, String> HELD_BY_THIS_JVM = new HashMap<>();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final String holder;
    private boolean released;

    private CrawlLock(Path lockFile, FileChannel channel, FileLock lock, String holder) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /** The lock file of a database: {@code <dbFile>.lock} next to it. */
    public static Path lockFileOf(Path dbFile) {
        Path absolute = dbFile.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock without waiting.
     *
     * @return the lock, or empty when another live process (or this JVM) holds it
     * @throws StoreException when the database path is a folder, device or pipe, or the lock file cannot
     *                        be created, opened or written
     */
    public static Optional<CrawlLock> tryAcquire(Path dbFile) throws StoreException {
        Store.requireDatabaseFile(dbFile); // before the lock file is made beside it
        Path lockFile = lockFileOf(dbFile);
        synchronized (HELD_BY_THIS_JVM) {
            try {
                Files.createDirectories(lockFile.getParent());
                try {
                    Files.createFile(lockFile);
                } catch (FileAlreadyExistsException alreadyThere) {
                    // a stale or live lock file: only the OS lock on it counts
                }
                Path real = lockFile.toRealPath();
                if (HELD_BY_THIS_JVM.containsKey(real)) {
                    return Optional.empty();
                }
                FileChannel channel = FileChannel.open(real, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException heldInThisJvm) {
                    // locked in this JVM by other code than ours: held, as far as we are concerned
                    channel.close();
                    return Optional.empty();
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                if (lock == null) {
                    channel.close(); // this JVM holds no lock on the file, so closing drops nothing
                    return Optional.empty();
                }
                String holder = "pid=" + ProcessHandle.current().pid() + " started=" + Instant.now()
                        + " host=" + hostname();
                try {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(false);
                } catch (IOException | RuntimeException e) {
                    channel.close(); // releases the lock too
                    throw e;
                }
                HELD_BY_THIS_JVM.put(real, holder);
                return Optional.of(new CrawlLock(real, channel, lock, holder));
            } catch (IOException e) {
                throw new StoreException("cannot take the crawl lock " + lockFile + ": " + e, e);
            }
        }
    }

    /**
     * Who holds the lock (pid, start time, host), read from the lock file, for the message, e.g.
     * {@code another crawl holds the lock (pid=4711 started=2025-01-02T03:04:05Z host=box)}.
     * Best effort: says so when the file is missing or unreadable.
     */
    public static String describeHolder(Path dbFile) {
        Path lockFile = lockFileOf(dbFile);
        String text;
        synchronized (HELD_BY_THIS_JVM) {
            try {
                text = HELD_BY_THIS_JVM.get(lockFile.toRealPath());
                if (text == null) {
                    text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                }
            } catch (NoSuchFileException e) {
                text = "";
            } catch (IOException | RuntimeException e) {
                text = "lock file unreadable: " + e.getMessage();
            }
        }
        if (text.isEmpty()) {
            return "another crawl holds the lock " + lockFile;
        }
        return "another crawl holds the lock (" + text.lines().findFirst().orElse("") + ")";
    }

    /** The lock file this lock holds. */
    public Path lockFile() {
        return lockFile;
    }

    /** What was written into the lock file: {@code pid=… started=… host=…}. */
    public String holder() {
        return holder;
    }

    /** Releases the lock and closes the file; the file stays (unlocked, it blocks nothing). Idempotent. */
    @Override
    public void close() {
        synchronized (HELD_BY_THIS_JVM) {
            if (released) {
                return;
            }
            released = true;
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel below releases it anyway
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock is gone with the descriptor; nothing left to undo
            }
            HELD_BY_THIS_JVM.remove(lockFile);
        }
    }

    /** Best-effort host name for the humans reading the lock file; asks DNS only as a last resort. */
    private static String hostname() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.US_ASCII).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // fall through to the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
