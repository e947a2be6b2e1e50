package no.kildevakt.config;

/**
 * feeds.yml could not be loaded. The message is one line naming the file, the line and
 * the field, e.g. {@code feeds.yml:14: sources[2].section: unknown section "nosrke" (known: verdt, norske, ...)}.
 */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
