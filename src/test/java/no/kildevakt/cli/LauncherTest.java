package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/kildevakt (issue 13): one AppCDS archive per command, made on its first run and used after,
 * and never a reason for a run to fail: a damaged, truncated or foreign archive, a rebuilt jar.
 * The launcher runs a tiny stand-in jar ({@link Probe}) so that each case costs a fraction of a second.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("bin/kildevakt").toAbsolutePath();

    @TempDir
    Path dir;
    Path jar;
    Path archives;
    Path classLog;
    /** KILDEVAKT_EXTRA_JAVA_OPTS for the next runs; none when null. */
    String extraJavaOpts;
    /** The locale variables (LANG, LC_ALL, LC_CTYPE) of the next runs; the test JVM's own when null. */
    Map<String, String> locale;

    /** Stands in for kildevakt: prints its arguments and exits with the code of its last one, if a number. */
    public static final class Probe {
        public static void main(String[] args) {
            if (args.length > 0 && args[0].equals("old")) {
                OldFormat.touch();
            }
            System.out.println("probe " + String.join(" ", args));
            if (List.of(args).contains("--print-flags")) {
                System.out.println("flags " + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                        .stream().filter(a -> a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-Xmn") || a.startsWith("-XX:C1MaxInlineSize")).toList());
            }
            if (List.of(args).contains("--print-encoding")) {
                System.out.println("encoding " + System.getProperty("sun.jnu.encoding") + " " + System.getProperty("file.encoding"));
            }
            if (System.getProperty("org.sqlite.lib.name") != null) {
                System.out.println("sqlite " + Path.of(System.getProperty("org.sqlite.lib.path"), System.getProperty("org.sqlite.lib.name")));
            }
            String last = args.length == 0 ? "" : args[args.length - 1];
            System.exit(last.matches("\\d") ? Integer.parseInt(last) : 0);
        }
    }

    /** Stands in for picocli and JDOM: in the probe jar its class file says Java 5 (version 49). */
    public static final class OldFormat {
        static int touch() {
            return 49;
        }
    }

    record Run(int code, String out, String err) {}

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        jar = dir.resolve("kildevakt.jar");
        writeProbeJar(jar);
        archives = Files.createDirectory(dir.resolve("cds"));
        classLog = dir.resolve("classes.log");
    }

    private static void writeProbeJar(Path jar) throws IOException {
        writeProbeJar(jar, Map.of());
    }

    /** The probe, plus these entries (name → bytes). */
    private static void writeProbeJar(Path jar, Map<String, byte[]> more) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        String entry = Probe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream in = LauncherTest.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
            for (Map.Entry<String, byte[]> e : more.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static Path realJavaHome() {
        return Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent();
    }

    private Run launch(String... args) throws Exception {
        return launchWith(realJavaHome(), args);
    }

    private Run launchWith(Path javaHome, String... args) throws Exception {
        // the default flags, plus a log that tells where each class came from (not on stdout)
        return launchWithOpts(javaHome, "-XX:TieredStopAtLevel=1 -Xmn32m -Xlog:class+load:file=" + classLog, args);
    }

    /** Runs the launcher with these KILDEVAKT_JAVA_OPTS, or with none set when {@code javaOpts} is null. */
    private Run launchWithOpts(Path javaHome, String javaOpts, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("KILDEVAKT_JAR", jar.toString());
        env.put("KILDEVAKT_CDS_DIR", archives.toString());
        if (javaOpts == null) {
            env.remove("KILDEVAKT_JAVA_OPTS");
        } else {
            env.put("KILDEVAKT_JAVA_OPTS", javaOpts);
        }
        if (extraJavaOpts == null) {
            env.remove("KILDEVAKT_EXTRA_JAVA_OPTS");
        } else {
            env.put("KILDEVAKT_EXTRA_JAVA_OPTS", extraJavaOpts);
        }
        env.put("JAVA_HOME", javaHome.toString());
        if (locale != null) {
            env.keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
            env.putAll(locale);
        }
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not end");
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(archives)) {
            return files.sorted().toList();
        }
    }

    /** Whether the last run took the probe from an archive rather than from the jar. */
    private boolean probeFromArchive() throws IOException {
        return Files.readAllLines(classLog).stream()
                .anyMatch(l -> l.contains(Probe.class.getName() + " source: shared objects file"));
    }

    private void assertRunsClean(Run run, String args, int code) {
        assertEquals(code, run.code(), run.err());
        assertEquals("probe " + args + "\n", run.out(), "stdout must hold only the command's output");
        assertEquals("", run.err());
    }

    @Test
    void theFirstRunOfACommandMakesItsArchiveAndLaterRunsUseIt() throws Exception {
        Run first = launch("-q", "crawl", "--json", "1");
        assertRunsClean(first, "-q crawl --json 1", 1);
        assertTrue(!probeFromArchive(), "no archive yet");
        List<Path> made = archives();
        assertEquals(1, made.size(), made.toString());
        String name = made.get(0).getFileName().toString();
        assertTrue(name.startsWith("kildevakt-crawl-") && name.endsWith("-" + Files.size(made.get(0)) + ".jsa"), name);

        assertRunsClean(launch("--config", "x.yml", "crawl"), "--config x.yml crawl", 0);
        assertTrue(probeFromArchive(), "the archive was not used");
        assertEquals(made, archives(), "nothing new made");

        assertRunsClean(launch("--db", "validate", "validate"), "--db validate validate", 0);
        assertEquals(2, archives().size(), "one archive per command: " + archives());
    }

    @Test
    void classesCompiledForJava5ComeFromTheArchiveToo() throws Exception {
        // JDK 17's dynamic archive (-XX:ArchiveClassesAtExit) leaves such classes out, and picocli and
        // JDOM are compiled for Java 5: every run loaded and verified them from the jar
        String entry = OldFormat.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = LauncherTest.class.getClassLoader().getResourceAsStream(entry)) {
            bytes = in.readAllBytes();
        }
        bytes[6] = 0;
        bytes[7] = 49; // the class-file major version: Java 5
        writeProbeJar(jar, Map.of(entry, bytes));

        assertRunsClean(launch("old"), "old", 0);
        assertRunsClean(launch("old"), "old", 0);
        assertTrue(probeFromArchive(), "the archive was not used");
        assertTrue(Files.readAllLines(classLog).stream()
                        .anyMatch(l -> l.contains(OldFormat.class.getName() + " source: shared objects file")),
                "the Java 5 class was loaded from the jar");
    }

    @Test
    void aRunStoppedByAUsageErrorOrALockMakesNoArchive() throws Exception {
        // such a run loaded a fraction of what the command needs; the next full run makes the archive
        assertRunsClean(launch("crawl", "2"), "crawl 2", 2);
        assertRunsClean(launch("crawl", "3"), "crawl 3", 3);
        assertEquals(List.of(), archives());
        assertRunsClean(launch("crawl"), "crawl", 0);
        assertEquals(1, archives().size(), archives().toString());
    }

    @Test
    void aJvmThatCannotMakeAnArchiveIsNotAskedOnEveryRun() throws Exception {
        // a stand-in JDK whose java refuses -Xshare:dump and notes every call
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Path calls = dir.resolve("java-calls.txt");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/bash\n"
                + "echo \"$*\" >> '" + calls + "'\n"
                + "for a in \"$@\"; do [ \"$a\" = -Xshare:dump ] && exit 1; done\n"
                + "exec '" + realJavaHome().resolve("bin/java") + "' \"$@\"\n");
        java.toFile().setExecutable(true);

        assertRunsClean(launchWith(jdk, "digest"), "digest", 0);
        assertRunsClean(launchWith(jdk, "digest"), "digest", 0);
        assertRunsClean(launchWith(jdk, "digest"), "digest", 0);
        long dumps = Files.readAllLines(calls).stream().filter(l -> l.contains("-Xshare:dump")).count();
        assertEquals(1, dumps, "one failed dump, then runs without an archive");
        assertEquals(1, archives().stream().filter(f -> f.getFileName().toString().endsWith(".failed")).count(), archives().toString());
    }

    @Test
    void aDamagedArchiveNeverBreaksARun() throws Exception {
        launch("digest");
        Path archive = archives().get(0);
        byte[] good = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);

        // same length, bytes changed in the middle: the JVM's CRC check refuses it, the run goes on
        byte[] flipped = good.clone();
        for (int i = good.length / 2; i < good.length / 2 + 4096; i++) {
            flipped[i] ^= 0x5a;
        }
        Files.write(archive, flipped);
        assertRunsClean(launch("digest", "1"), "digest 1", 1);
        assertTrue(!probeFromArchive());

        // cut short (JDK 17 dies of SIGBUS mapping such a file): not used, made again
        Files.write(archive, java.util.Arrays.copyOf(good, good.length / 3));
        assertRunsClean(launch("digest"), "digest", 0);
        assertEquals(1, archives().size(), archives().toString());
        assertRunsClean(launch("digest"), "digest", 0);
        assertTrue(probeFromArchive(), "the archive made again was not used");

        // garbage of the right length
        Path current = archives().get(0);
        current.toFile().setWritable(true);
        Files.write(current, new byte[(int) Files.size(current)]);
        assertRunsClean(launch("digest"), "digest", 0);
    }

    @Test
    void aRebuiltJarGetsAFreshArchiveAndTheOldOneGoes() throws Exception {
        launch("validate");
        List<Path> before = archives();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertRunsClean(launch("validate"), "validate", 0);
        List<Path> after = archives();
        assertEquals(1, after.size(), after.toString());
        assertNotEquals(before, after);
        assertRunsClean(launch("validate"), "validate", 0);
        assertTrue(probeFromArchive());
    }

    @Test
    void serveAndNoCommandAreNeverArchived() throws Exception {
        assertRunsClean(launch("serve"), "serve", 0);
        assertRunsClean(launch("--help"), "--help", 0);
        assertRunsClean(launch(), "", 0);
        assertEquals(List.of(), archives());
    }

    @Test
    void shortCommandsRunWithC1AndASmallYoungGenerationCheckLinksInlinesLessServeWithTheJvmsDefaultsAndExtraFlagsComeLast() throws Exception {
        Run crawl = launchWithOpts(realJavaHome(), null, "crawl", "--print-flags");
        assertEquals("probe crawl --print-flags\nflags [-XX:TieredStopAtLevel=1, -Xmn32m]\n", crawl.out(), crawl.err());
        Run links = launchWithOpts(realJavaHome(), null, "check-links", "--print-flags");
        assertEquals("probe check-links --print-flags\nflags [-XX:TieredStopAtLevel=1, -Xmn32m, -XX:C1MaxInlineSize=15]\n",
                links.out(), links.err());
        Run serve = launchWithOpts(realJavaHome(), null, "serve", "--print-flags");
        assertEquals("probe serve --print-flags\nflags []\n", serve.out(), serve.err());
        Run own = launchWithOpts(realJavaHome(), "-Xmn8m", "digest", "--print-flags");
        assertEquals("probe digest --print-flags\nflags [-Xmn8m]\n", own.out(), own.err());
        extraJavaOpts = "-Xmn16m";
        Run more = launchWithOpts(realJavaHome(), null, "crawl", "--print-flags");
        assertEquals("probe crawl --print-flags\nflags [-XX:TieredStopAtLevel=1, -Xmn32m, -Xmn16m]\n", more.out(), more.err());
    }

    @Test
    void sqliteJdbcsLibraryIsCopiedOnceAndHandedToTheDriver() throws Exception {
        // the driver's own platform lookup (org.sqlite.util) and a stand-in for its native library
        Map<String, byte[]> entries = new java.util.HashMap<>();
        Path driver = Path.of(org.sqlite.util.OSInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (java.util.jar.JarFile driverJar = new java.util.jar.JarFile(driver.toFile())) {
            for (JarEntry e : java.util.Collections.list(driverJar.entries())) {
                if (e.getName().startsWith("org/sqlite/util/") && e.getName().endsWith(".class")) {
                    entries.put(e.getName(), driverJar.getInputStream(e).readAllBytes());
                }
            }
        }
        byte[] library = "not really a library".getBytes(StandardCharsets.UTF_8);
        entries.put("org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/libsqlitejdbc.so", library);
        writeProbeJar(jar, entries);

        assertRunsClean(launch("crawl"), "crawl", 0);
        List<Path> copies;
        try (Stream<Path> files = Files.walk(archives)) {
            copies = files.filter(f -> f.getFileName().toString().startsWith("libsqlitejdbc.so")).toList();
        }
        assertEquals(1, copies.size(), copies.toString());
        assertEquals("libsqlitejdbc.so-" + library.length, copies.get(0).getFileName().toString());
        assertEquals(new String(library, StandardCharsets.UTF_8), Files.readString(copies.get(0)));

        Run second = launch("digest");
        assertEquals("probe digest\nsqlite " + copies.get(0) + "\n", second.out(), second.err());

        // a copy cut short is not handed over: the driver makes its own, as without the launcher
        Files.write(copies.get(0), new byte[3]);
        assertRunsClean(launch("digest"), "digest", 0);
    }

    /**
     * cron runs with no locale, and Java then takes file names and arguments as ASCII: "nummer-høst.pdf"
     * could not even be named. The launcher gives a JVM whose locale is not a working UTF-8 one (none,
     * C, POSIX, Latin-1, or a UTF-8 name that was never generated) the C.UTF-8 one.
     */
    @Test
    void aLocaleThatIsNotUtf8GetsUtf8() throws Exception {
        ProcessBuilder direct = new ProcessBuilder(realJavaHome().resolve("bin/java").toString(), "-cp", jar.toString(),
                Probe.class.getName(), "--print-encoding").redirectErrorStream(true);
        direct.environment().keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
        direct.environment().put("LC_ALL", "C.UTF-8");
        Process p = direct.start();
        String probe = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assumeTrue(probe.contains("encoding UTF-8"), "this machine has no C.UTF-8 locale: " + probe);

        for (Map<String, String> given : List.<Map<String, String>>of(Map.of(), Map.of("LC_ALL", "C"),
                Map.of("LANG", "POSIX"), Map.of("LANG", "nb_NO.ISO-8859-1"), Map.of("LANG", "xx_YY.UTF-8"))) {
            locale = given;
            Run run = launch("digest", "--print-encoding");
            assertEquals(0, run.code(), run.err());
            assertEquals("", run.err(), "no warning from the shell: " + given);
            assertTrue(run.out().contains("encoding UTF-8 UTF-8"), given + ": " + run.out());
        }
        locale = Map.of("LANG", "C.UTF-8", "LC_TIME", "C");
        assertTrue(launch("digest", "--print-encoding").out().contains("encoding UTF-8 UTF-8"));
    }

    /**
     * A Java older than 17 (Debian 11's default is 11) failed with UnsupportedClassVersionError and
     * "class file version 61.0"; no Java at all with bash's "exec: java: not found". Each now gets one
     * line that says what to install, exit code 2, and nothing is run.
     */
    @Test
    void anOldJavaOrNoneIsNamedInOneLine() throws Exception {
        Path jdk = dir.resolve("jdk11");
        Files.createDirectories(jdk.resolve("bin"));
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/bash\necho started >&2\nexit 1\n");
        java.toFile().setExecutable(true);
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"11.0.22\"\n");
        Run old = launchWith(jdk, "crawl");
        assertEquals(2, old.code());
        assertEquals("", old.out());
        assertEquals("kildevakt: needs Java 17 or newer, and " + java.toRealPath() + " is Java 11.0.22: install Java 17"
                + " (Debian and Ubuntu: openjdk-17-jre-headless) or set JAVA_HOME\n", old.err());

        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"1.8.0_392\"\n");
        assertTrue(launchWith(jdk, "crawl").err().contains(" is Java 1.8.0_392: "));

        Path none = Files.createDirectories(dir.resolve("no-jdk"));
        Run missing = launchWith(none, "crawl");
        assertEquals(2, missing.code());
        assertEquals("kildevakt: no Java found (JAVA_HOME is " + none + "; looked for " + none + "/bin/java): install Java 17"
                + " or newer, or set JAVA_HOME\n", missing.err());
        assertEquals(List.of(), archives());
    }
}
