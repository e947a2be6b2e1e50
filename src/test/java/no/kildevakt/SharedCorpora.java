package no.kildevakt;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the corpora of {@code ../shared} lie (the system property {@code kildevakt.shared}, set by the
 * build when the folder is there): real test data read in place, never copied into the repository. A
 * user's clone has no such folder, so a test that needs it is skipped, never failed.
 */
public final class SharedCorpora {
    private SharedCorpora() {
    }

    /** {@code corpora/<parts...>} in the shared folder; the calling test is skipped when it is not there. */
    public static Path path(String... parts) {
        String shared = System.getProperty("kildevakt.shared");
        Assumptions.assumeTrue(shared != null, "kildevakt.shared not set");
        Path path = Path.of(shared, "corpora").resolve(Path.of("", parts));
        Assumptions.assumeTrue(Files.exists(path), "corpus absent: " + path);
        return path;
    }
}
