package no.kildevakt.links.check;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Finds the Wayback Machine's latest snapshot of a dead link, so the editor can cite that instead.
 * {@code GET <base>/web/<url>} answers with a redirect to the newest capture; the redirect is not
 * followed (that would download the whole archived page) — its {@code Location} is the answer.
 * Bounded by a timeout for the whole lookup, so a slow archive never holds up the report.
 */
public final class ArchiveLookup {
    /** The Wayback Machine. */
    public static final String DEFAULT_BASE = "https://web.archive.org";

    private final OkHttpClient client;
    private final HttpUrl base;
    private final Duration timeout;

    /**
     * @param client  the client to ask with (the checker's, for its User-Agent and per-host limit); redirects off
     * @param base    the archive's base URL, e.g. {@link #DEFAULT_BASE}
     * @param timeout the longest one lookup may take, retries included
     * @throws IllegalArgumentException when {@code base} is not an http(s) URL
     */
    public ArchiveLookup(OkHttpClient client, String base, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client").newBuilder().followRedirects(false).followSslRedirects(false).build();
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(base, "base"));
        if (parsed == null) {
            throw new IllegalArgumentException("archive base is not an http(s) URL: " + base);
        }
        this.base = parsed;
        this.timeout = timeout;
    }

    /**
     * The latest snapshot of {@code url}, or empty when the archive has none, is unreachable or too slow.
     * Never throws for network trouble: a missing suggestion is not worth failing a report over.
     */
    public Optional<String> latestSnapshot(String url) {
        String prefix = base.toString().replaceAll("/+$", "");
        HttpUrl lookup = HttpUrl.parse(prefix + "/web/" + url);
        if (lookup == null) {
            return Optional.empty();
        }
        Call call = client.newCall(new Request.Builder().url(lookup).get().build());
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            String location = response.header("Location");
            if (!LinkChecker.isRedirect(response.code()) || location == null) {
                return Optional.empty();
            }
            HttpUrl snapshot = lookup.resolve(location.strip());
            return snapshot == null || !snapshot.encodedPath().contains("/web/") ? Optional.empty() : Optional.of(snapshot.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
