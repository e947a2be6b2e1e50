package no.kildevakt.links.check;

import java.io.IOException;
import java.io.InterruptedIOException;
import no.kildevakt.fetch.ReleasingBody;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

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
        ResponseBody body = response.body();
        body.source().timeout().deadlineNanoTime(start + attemptBudgetNanos);
        return response.newBuilder().body(ReleasingBody.wrap(body, () -> limiter.release(host, slot))).build();
    }

    /** The original body, whose stream gives the host back when exhausted or closed. */
}
