package no.kildevakt.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Applies {@link HostPacer} to each request: waits for its host (the host name), sends, and hands the
 * host back when the response body has been read to the end or closed — not when the headers
 * arrive, because a server is still busy with us while it streams the body. The body is wrapped
 * for this; every path that drops a response must close it (OkHttp's rule anyway).
 *
 * <p>The pause per host comes from a function so that a robots.txt Crawl-delay can lengthen it.
 */
final class PacingInterceptor implements Interceptor {
    private final HostPacer pacer;
    private final Function<HttpUrl, Duration> delayFor;

    PacingInterceptor(HostPacer pacer, Function<HttpUrl, Duration> delayFor) {
        this.pacer = pacer;
        this.delayFor = delayFor;
    }

    /**
     * The host name alone: http and https, or two ports, of one host are one site to its owner,
     * so they share one delay and one request in flight.
     */
    static String hostKey(HttpUrl url) {
        return url.host();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl url = chain.request().url();
        String host = hostKey(url);
        try {
            pacer.acquire(host, delayFor.apply(url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + host);
        }
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException | Error e) {
            pacer.release(host);
            throw e;
        }
        return response.newBuilder().body(ReleasingBody.wrap(response.body(), () -> pacer.release(host))).build();
    }
}
