package no.kildevakt.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Applies a {@link HostLimiter} to each attempt: waits for a slot of its host (the host name), sends,
 * and hands the slot back when the response body has been read to the end or closed — not when the
 * headers arrive, because a server is still busy with us while it streams the body. The body is
 * wrapped for this; every path that drops a response must close it (OkHttp's rule anyway).
 *
 * <p>Sits inside the retry interceptor, so a retry waiting out its backoff holds no slot. The pause
 * per host comes from a function so that a robots.txt Crawl-delay can lengthen it.
 *
 * <p>Public because the link checker uses it too, with its own values ({@code --per-host} in flight,
 * its own pause) on a client from {@link ClientBase}.
 */
public final class HostLimitInterceptor implements Interceptor {
    private final HostLimiter limiter;
    private final Function<HttpUrl, Duration> delayFor;

    /**
     * @param perHost  requests in flight at once to one host: 1 for the crawler
     * @param delayFor the pause on a slot between the end of one request and the start of the next
     */
    public HostLimitInterceptor(int perHost, Function<HttpUrl, Duration> delayFor) {
        this.limiter = new HostLimiter(perHost);
        this.delayFor = delayFor;
    }

    /**
     * The host name alone: http and https, or two ports, of one host are one site to its owner,
     * so they share one limit and one pause.
     */
    static String hostKey(HttpUrl url) {
        return url.host();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl url = chain.request().url();
        String host = hostKey(url);
        int slot;
        try {
            slot = limiter.acquire(host, delayFor.apply(url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + host);
        }
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException | Error e) {
            limiter.release(host, slot);
            throw e;
        }
        return response.newBuilder().body(ReleasingBody.wrap(response.body(), () -> limiter.release(host, slot))).build();
    }
}
