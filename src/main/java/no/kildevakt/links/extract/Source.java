package no.kildevakt.links.extract;

import java.util.List;

/**
 * One document handed to a {@link FormatExtractor}.
 *
 * @param document    its file path or URL, as given (used in every occurrence)
 * @param content     its bytes, never null
 * @param contentType the Content-Type it was served with, or null
 * @param base        the absolute http(s) URL relative links resolve against before the document's
 *                    own declarations are read, or null (a local file)
 * @param sectionTitles the newsletter's section titles, which are no entries ({@link Entries})
 */
record Source(String document, byte[] content, String contentType, String base, List<String> sectionTitles) {
    Source {
        sectionTitles = sectionTitles == null ? List.of() : List.copyOf(sectionTitles);
    }

    Source(String document, byte[] content, String contentType, String base) {
        this(document, content, contentType, base, List.of());
    }

    /** A collector of this document's entries. */
    Entries entries() {
        return new Entries(sectionTitles);
    }
}
