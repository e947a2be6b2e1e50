package no.kildevakt.links.extract;

/**
 * One document handed to a {@link FormatExtractor}.
 *
 * @param document    its file path or URL, as given (used in every occurrence)
 * @param content     its bytes, never null
 * @param contentType the Content-Type it was served with, or null
 * @param base        the absolute http(s) URL relative links resolve against before the document's
 *                    own declarations are read, or null (a local file)
 */
record Source(String document, byte[] content, String contentType, String base) {}
