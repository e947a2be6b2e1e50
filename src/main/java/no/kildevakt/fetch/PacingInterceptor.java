package no.kildevakt.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Applies {@link HostPacer} to each request: waits for its host (host:port), sends, and hands the
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

    static String hostKey(HttpUrl url) {
        return url.host() + ":" + url.port();
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
        AtomicBoolean released = new AtomicBoolean();
        Runnable releaseOnce = () -> {
            if (released.compareAndSet(false, true)) {
                pacer.release(host);
            }
        };
        return response.newBuilder().body(new ReleasingBody(response.body(), releaseOnce)).build();
    }

    /** A body that runs {@code onDone} once, when it is exhausted or closed, whichever comes first. */
    private static final class ReleasingBody extends ResponseBody {
        private final ResponseBody delegate;
        private final Runnable onDone;
        private BufferedSource source;

        ReleasingBody(ResponseBody delegate, Runnable onDone) {
            this.delegate = delegate;
            this.onDone = onDone;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public synchronized BufferedSource source() {
            if (source == null) {
                source = Okio.buffer(new ForwardingSource(delegate.source()) {
                    @Override
                    public long read(Buffer sink, long byteCount) throws IOException {
                        long read = super.read(sink, byteCount);
                        if (read == -1) {
                            onDone.run();
                        }
                        return read;
                    }

                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            onDone.run();
                        }
                    }
                });
            }
            return source;
        }
    }
}
