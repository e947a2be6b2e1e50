package no.kildevakt.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a source is read: an RSS/Atom feed, an HTML listing page, a JSON endpoint — or any type a
 * reader is registered for. The type is the key of the reader registry
 * ({@code no.kildevakt.read.SourceReaders}), not a closed list here, so that a new source type is a
 * new reader package plus one line in that registry; the config learns the names it accepts from
 * the registry ({@link ConfigLoader#ConfigLoader(java.util.Collection)}).
 *
 * <p>The three built-in types are canonical instances ({@link #of} returns them), so comparing
 * them with {@code ==} is safe; the config has rules of its own only for them ({@code select},
 * {@code pages}, {@code date_from_url}).
 */
public final class SourceType {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    public static final SourceType FEED = new SourceType("feed");
    public static final SourceType HTML = new SourceType("html");
    public static final SourceType JSON = new SourceType("json");

    /** The types this version reads, in the order error messages list them. */
    public static final List<SourceType> BUILT_IN = List.of(FEED, HTML, JSON);

    private final String name;

    private SourceType(String name) {
        this.name = name;
    }

    /**
     * The type named {@code name} as written in feeds.yml (lowercase): a built-in's canonical instance,
     * or a new type for a reader registered under that name.
     *
     * @throws IllegalArgumentException when {@code name} is no lowercase word
     */
    public static SourceType of(String name) {
        for (SourceType t : BUILT_IN) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a source type is a lowercase word, got " + name);
        }
        return new SourceType(name);
    }

    /** The lowercase name used in feeds.yml. */
    public String yamlName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceType t && t.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** The name in capitals, as the enum this class replaced printed it. */
    @Override
    public String toString() {
        return name.toUpperCase(Locale.ROOT);
    }
}
