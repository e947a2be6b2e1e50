package no.kildevakt.fetch;

import java.net.URI;

/**
 * What to fetch, with the validators of the previous response so the server can answer
 * 304 Not Modified and send no body.
 *
 * @param etag         the previous ETag, sent as If-None-Match; null when none is known
 * @param lastModified the previous Last-Modified, sent as If-Modified-Since; null when none is known
 */
public record FetchRequest(URI url, String etag, String lastModified) {
    public static FetchRequest of(URI url) {
        return new FetchRequest(url, null, null);
    }

    public FetchRequest withValidators(String etag, String lastModified) {
        return new FetchRequest(url, etag, lastModified);
    }
}
