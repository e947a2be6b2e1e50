package no.kildevakt.item;

import java.util.List;

/**
 * What a reader read from one document, as {@link ItemNormalizer} takes it. A parsed feed is one
 * (with its title, charset and warnings besides); a listing makes one with {@link #of}.
 */
public interface Entries {
    /**
     * The document's home page (a feed's channel link, a listing's own URL), or null: relative entry
     * links resolve against it, and an entry without a link of its own stands on it.
     */
    String link();

    /** The entries in document order. */
    List<Entry> entries();

    /** Entries read from the document at {@code link}. */
    static Entries of(String link, List<Entry> entries) {
        return new Read(link, entries);
    }

    /** Entries and the page they were read from, nothing else. */
    record Read(String link, List<Entry> entries) implements Entries {
        public Read {
            entries = List.copyOf(entries);
        }
    }
}
