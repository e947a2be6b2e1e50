package no.kildevakt.links.check;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Applies {@link HostLimiter} to every attempt: takes a slot of the host before sending and gives
 * it back when the body has been read to the end or closed — a server streaming a body is still
 * busy with us. Also counts the attempt (see {@link Attempts}) and bounds the whole attempt, body
 * included, by the timeout: the read timeout alone lets a server that drips a byte a second hold
 * a slot for ever.
 *
 * <p>Sits inside the retry interceptor, so a retry waiting out its backoff holds no slot.
 */
final class HostLimitInterceptor implements Interceptor {
    private final HostLimiter limiter;
    private final long attemptBudgetNanos;

    HostLimitInterceptor(HostLimiter limiter, java.time.Duration attemptBudget) {
        this.limiter = limiter;
        this.attemptBudgetNanos = attemptBudget.toNanos();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String host = chain.request().url().host();
        int slot;
        try {
            slot = limiter.acquire(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + host);
        }
        Attempts attempts = chain.request().tag(Attempts.class);
        if (attempts != null) {
            attempts.count();
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException | Error e) {
            limiter.release(host, slot);
            throw e;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable releaseOnce = () -> {
            if (released.compareAndSet(false, true)) {
                limiter.release(host, slot);
            }
        };
        ResponseBody body = response.body();
        BufferedSource source = body.source();
        source.timeout().deadlineNanoTime(start + attemptBudgetNanos);
        return response.newBuilder().body(new ReleasingBody(body, source, releaseOnce)).build();
    }

    /** The original body, whose stream gives the host back when exhausted or closed. */
    private static final class ReleasingBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        ReleasingBody(ResponseBody delegate, BufferedSource original, Runnable onDone) {
            this.delegate = delegate;
            this.source = Okio.buffer(new ForwardingSource(original) {
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

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
