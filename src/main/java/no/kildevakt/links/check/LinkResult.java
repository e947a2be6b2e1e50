package no.kildevakt.links.check;

import java.time.Instant;
import java.util.Objects;
import no.kildevakt.store.LinkStatus;

/**
 * What checking one distinct URL found.
 *
 * @param url        the URL that was checked: the cited one without its fragment
 * @param status     the verdict
 * @param httpStatus the HTTP status of the last response, 0 when there was none (DNS, refused, timeout, skipped)
 * @param finalUrl   for {@link LinkStatus#REDIRECT} the URL to cite instead; for a failure reached through
 *                   redirects the URL where it failed; otherwise null
 * @param error      a one-line reason for anything not ok (also the soft-404 or home-page evidence), else null
 * @param requests   HTTP requests this check sent (retries and redirect hops included); 0 when cached or skipped
 * @param checkedAt  when the check was made (for a cached result: when it was originally made)
 * @param cached     whether the result was reused from an earlier run instead of fetched now
 */
public record LinkResult(String url, LinkStatus status, int httpStatus, String finalUrl, String error,
        int requests, Instant checkedAt, boolean cached) {

    public LinkResult {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** This result as reused from the cache. */
    public LinkResult asCached() {
        return new LinkResult(url, status, httpStatus, finalUrl, error, 0, checkedAt, true);
    }
}
