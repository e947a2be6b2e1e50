package no.kildevakt.config;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Asks the HTTP client whether it can send a source's URL, once per scheme and authority.
 *
 * <p>Why: feeds.yml's URLs must be ones OkHttp will request, or every crawl of that source fails,
 * so the config reader asks {@link HttpUrl#parse} about each. What OkHttp can refuse is the scheme, the
 * host (its IDNA mapping, label and name lengths) and the port; the path, query and fragment it only
 * percent-encodes. Most sources share a few hosts, and a cold {@code HttpUrl.parse} runs its host
 * mapping interpreted: asking about every source's URL took half of reading a 500-source file. The
 * URL must already have been parsed by {@link URI} as absolute, http or https, with a host: that fixes
 * where its authority ends the way OkHttp reads it (no backslashes, at most one {@code @}).
 *
 * <p>One per reading of a file; not thread-safe.
 */
final class FetchableUrls {
    private final Map<String, Boolean> byAuthority = new HashMap<>();

    /** Whether OkHttp accepts {@code url}, a server-based absolute http(s) URI. */
    boolean accepts(URI url) {
        String head = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority() + "/";
        return byAuthority.computeIfAbsent(head, h -> HttpUrl.parse(h) != null);
    }
}
