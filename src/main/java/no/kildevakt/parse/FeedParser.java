package no.kildevakt.parse;

import java.net.URI;

/**
 * Turns the bytes of an RSS 0.9x/1.0/2.0 or Atom document into {@link ParsedFeed}:
 * charset chosen from BOM, HTTP header and XML prolog; DTDs and external entities off.
 */
public final class FeedParser {
    /**
     * @param body        the raw bytes as received
     * @param contentType the HTTP Content-Type header, or null
     * @param documentUrl the URL the document came from, the last base for relative links
     */
    public ParsedFeed parse(byte[] body, String contentType, URI documentUrl) throws FeedParseException {
        throw new UnsupportedOperationException("TODO");
    }
}
