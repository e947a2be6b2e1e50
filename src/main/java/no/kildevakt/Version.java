package no.kildevakt;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build, read from a resource Maven filters at build time, so the
 * User-Agent and {@code --version} never disagree with the jar they come from.
 */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    /** The project version, e.g. {@code 0.1.0}; {@code dev} when run outside a Maven build. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
