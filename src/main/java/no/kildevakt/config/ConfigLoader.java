package no.kildevakt.config;

import java.nio.file.Path;

/**
 * Reads feeds.yml into a validated {@link Config}. Every problem is reported as one
 * {@link ConfigException} naming the file, the line and the field, so {@code validate}
 * and a cron mail both point the editor at the exact place to fix.
 */
public final class ConfigLoader {
    /** Loads and validates a feeds.yml file. */
    public Config load(Path file) throws ConfigException {
        throw new UnsupportedOperationException("TODO");
    }
}
