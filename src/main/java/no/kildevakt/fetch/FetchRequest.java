package no.kildevakt.fetch;

import java.net.URI;

/**
 * What to fetch, with the validators of the previous response so the server can answer
 * 304 Not Modified and send no body, and what kind of document is wanted.
 *
 * @param etag         the previous ETag, sent as If-None-Match; null when none is known
 * @param lastModified the previous Last-Modified, sent as If-Modified-Since; null when none is known
 * @param origin       the page that led here (the source whose feed or listing links to {@code url}), whose
 *                     address decides where the fetch may go ({@link PrivateNetworkRule}); null when the
 *                     URL is where the chain begins, as a configured source is
 * @param accept       the Accept header: the media types the reader of the answer reads (a feed, a page,
 *                     JSON: {@link AcceptHeaders}); null sends {@value #ANY}
 */
public record FetchRequest(URI url, String etag, String lastModified, URI origin, String accept) {
    /** The Accept header of a request that says nothing more precise, as curl sends it. */
    public static final String ANY = "*/*";

    public FetchRequest(URI url, String etag, String lastModified) {
        this(url, etag, lastModified, null, null);
    }

    public static FetchRequest of(URI url) {
        return new FetchRequest(url, null, null, null, null);
    }

    public FetchRequest withValidators(String etag, String lastModified) {
        return new FetchRequest(url, etag, lastModified, origin, accept);
    }

    /** This request as one for a page that {@code origin} links to. */
    public FetchRequest withOrigin(URI origin) {
        return new FetchRequest(url, etag, lastModified, origin, accept);
    }

    /** This request asking for {@code mediaRanges} (an Accept header's value). */
    public FetchRequest withAccept(String mediaRanges) {
        return new FetchRequest(url, etag, lastModified, origin, mediaRanges);
    }

    /** The Accept header this request sends. */
    public String acceptHeader() {
        return accept == null || accept.isBlank() ? ANY : accept;
    }
}
