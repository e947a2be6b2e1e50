package no.kildevakt.config;

/** How a source is read: an RSS/Atom feed, an HTML listing page, or a JSON endpoint. */
public enum SourceType {
    FEED, HTML, JSON;

    /** The lowercase name used in feeds.yml. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
