package no.kildevakt.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kildevakt.text.OneLine;
import no.kildevakt.store.CrawlLock;

/**
 * Where a command's {@code --output} goes. A file the run reads or keeps — the database and the files
 * SQLite and the crawl lock keep beside it, feeds.yml, a document being checked — is refused before
 * anything is written, however it is spelled (relative, with {@code ..}, through a symbolic link):
 * a typo there would otherwise replace the store with a digest and exit 0. Any other file is written
 * whole: into a temporary file beside it, then renamed over it, so a reader (or a failed write) never
 * sees half a document and the previous file stays until the new one is complete.
 */
final class OutputTarget {
    /** Writes a document's text. */
    @FunctionalInterface
    interface Body {
        void writeTo(Writer writer) throws IOException;
    }

    /** Writes a document's bytes (a file that is no text, such as a .docx). */
    @FunctionalInterface
    interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LINKS = 40;

    private final Path given;
    private final Path target;

    private OutputTarget(Path given, Path target) {
        this.given = given;
        this.target = target;
    }

    /** The output as given, unchecked; {@link #checked} is what commands use. */
    static OutputTarget of(Path output) {
        return new OutputTarget(output, canonical(output));
    }

    /**
     * The output, refused (its one line printed, exit 2) when it is the database, one of its
     * companion files, or the config file.
     */
    static OutputTarget checked(Main main, Path output) throws Commands.Exit {
        OutputTarget out = of(output);
        Map<Path, String> kept = new LinkedHashMap<>();
        Path db = main.dbPath();
        kept.put(canonical(db), "the database");
        // SQLite names its companions after the path it was given, and CrawlLock after the absolute one:
        // through a link to the database they sit beside the link or beside the file, so both are kept
        for (Path base : new Path[] {db.toAbsolutePath(), canonical(db)}) {
            kept.putIfAbsent(canonical(sibling(base, "-wal")), "the database's write-ahead log");
            kept.putIfAbsent(canonical(sibling(base, "-shm")), "the database's shared-memory file");
            kept.putIfAbsent(canonical(sibling(base, "-journal")), "the database's journal");
            kept.putIfAbsent(canonical(CrawlLock.lockFileOf(base)), "the database's lock file");
        }
        kept.putIfAbsent(canonical(main.configPath()), "the config file");
        String what = kept.get(out.target);
        if (what != null) {
            throw out.refuse(main, what);
        }
        return out;
    }

    /** Refuses (one line, exit 2) when the output is one of the files the command reads. */
    void refuseInputs(Main main, Collection<Path> inputs) throws Commands.Exit {
        for (Path input : inputs) {
            if (canonical(input).equals(target)) {
                throw refuse(main, "a document being checked");
            }
        }
    }

    private Commands.Exit refuse(Main main, String what) {
        main.terminal.err().println("refusing to write --output " + given + ": it is " + what);
        return new Commands.Exit(Main.USAGE);
    }

    /** The path as the user gave it, for messages. */
    Path given() {
        return given;
    }

    /**
     * Writes a command's document to {@code target}, or, when there is none, to standard output as it
     * is made (a long one is never held whole). On failure prints one line and answers exit 2.
     */
    static int emit(Main main, OutputTarget target, Body body) {
        if (target != null) {
            return target.write(main, body);
        }
        Writer out = new OutputStreamWriter(main.terminal.out(), StandardCharsets.UTF_8);
        try {
            body.writeTo(out);
            out.flush();
        } catch (IOException e) {
            main.terminal.err().println("standard output: cannot write: " + OneLine.of(String.valueOf(e.getMessage())));
            return Main.USAGE;
        }
        main.terminal.out().flush();
        return Main.OK;
    }

    /**
     * Writes a binary document to {@code target}, or, when there is none, to standard output; the caller
     * refuses a terminal first. On failure prints one line and answers exit 2.
     */
    static int emit(Main main, OutputTarget target, byte[] document) {
        if (target != null) {
            try {
                target.writeBytes(out -> out.write(document));
                return Main.OK;
            } catch (IOException e) {
                main.terminal.err().println(target.given + ": cannot write: " + OneLine.of(String.valueOf(e.getMessage())));
                return Main.USAGE;
            }
        }
        main.terminal.out().write(document, 0, document.length);
        main.terminal.out().flush();
        if (main.terminal.out().checkError()) {
            main.terminal.err().println("standard output: cannot write");
            return Main.USAGE;
        }
        return Main.OK;
    }

    /** Writes {@code document} whole; on failure prints {@code FILE: cannot write: why} and answers exit 2. */
    int write(Main main, String document) {
        return write(main, writer -> writer.write(document));
    }

    /** Writes the body as it is made, whole or not at all; on failure as {@link #write(Main, String)}. */
    int write(Main main, Body body) {
        try {
            write(body);
            return Main.OK;
        } catch (IOException e) {
            main.terminal.err().println(given + ": cannot write: " + OneLine.of(String.valueOf(e.getMessage())));
            return Main.USAGE;
        }
    }

    /**
     * Writes the body into a temporary file beside the target and renames it over the target; the
     * previous file is untouched until then. A device or pipe ({@code /dev/stdout}) is written
     * directly: there is nothing to rename over it, and replacing it would be wrong.
     *
     * @throws IOException when the folder is missing or not writable, the target is a folder, or the body fails
     */
    void write(Body body) throws IOException {
        writeBytes(out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.writeTo(writer);
            writer.flush();
        });
    }

    /** As {@link #write(Body)}, for a document's bytes. */
    void writeBytes(Bytes body) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException("is a folder");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            try (OutputStream out = Files.newOutputStream(target)) {
                body.writeTo(out);
            }
            return;
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            // said plainly: otherwise the failure names the temporary file, which the user never asked for
            throw new IOException("no such folder " + folder);
        }
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true); // on disk before it takes the old file's place
            }
            keepPermissions(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A replaced file keeps its mode (a digest served by a web server stays readable to it). */
    private void keepPermissions(Path temp) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView fresh = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (old != null && fresh != null && Files.exists(target)) {
            fresh.setPermissions(old.readAttributes().permissions());
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /**
     * The file a path ends up naming: symbolic links followed (also a dangling one, which a write
     * would create), relative parts resolved. A path that does not exist yet is its nearest existing
     * folder's real path plus the rest.
     */
    static Path canonical(Path path) {
        Path p = path.toAbsolutePath();
        for (int links = 0; links < MAX_LINKS && Files.isSymbolicLink(p); links++) {
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath();
            } catch (IOException | UnsupportedOperationException e) {
                break;
            }
        }
        try {
            return p.toRealPath();
        } catch (IOException e) {
            // not there (yet): resolve what exists
        }
        Path parent = p.getParent();
        if (parent == null || p.getFileName() == null) {
            return p.normalize();
        }
        return canonical(parent).resolve(p.getFileName()).normalize();
    }
}
