package no.kildevakt.fetch;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Bounds how long one request may take from sending to the last body byte. The read timeout
 * alone does not: a server that drips one byte every few seconds never trips it.
 *
 * <p>Why not OkHttp's {@code callTimeout}: it spans the whole call, and our interceptors wait
 * inside the call — for a busy host, for backoff, for a Retry-After of up to two minutes. A call
 * timeout would cut those legitimate waits short. So the client's call timeout is off and this
 * sets a deadline on the body's source instead, measured from when this attempt was sent; the
 * header phase is covered by the read timeout. Reading past the deadline fails with a
 * {@link java.io.InterruptedIOException} "timeout", which maps to TIMEOUT.
 */
final class AttemptDeadlineInterceptor implements Interceptor {
    private final long budgetNanos;

    AttemptDeadlineInterceptor(Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        long start = System.nanoTime();
        Response response = chain.proceed(chain.request());
        if (budgetNanos > 0) {
            response.body().source().timeout().deadlineNanoTime(start + budgetNanos);
        }
        return response;
    }
}
