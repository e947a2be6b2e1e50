package no.kildevakt.fetch;

import java.net.URI;

/**
 * A successful answer: 2xx with its (capped, decompressed) body, or 304 Not Modified.
 * Failures are {@link FetchException}s instead, so a caller never mistakes an error page
 * for content.
 *
 * @param requestedUrl   the URL asked for
 * @param finalUrl       the URL that answered after redirects
 * @param status         the final HTTP status (2xx or 304)
 * @param body           the body; empty for 304
 * @param contentType    the Content-Type header, or null
 * @param etag           the ETag header, or null
 * @param lastModified   the Last-Modified header, or null
 * @param movedTo        where the requested URL has moved permanently (301/308 at the start of
 *                       the redirect chain), so the editor can update feeds.yml; null otherwise
 * @param attempts       requests sent for this fetch, retries and redirects included
 */
public record FetchResponse(
        URI requestedUrl,
        URI finalUrl,
        int status,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        URI movedTo,
        int attempts) {

    public boolean notModified() {
        return status == 304;
    }
}
