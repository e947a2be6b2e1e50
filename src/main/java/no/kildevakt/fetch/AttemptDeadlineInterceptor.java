package no.kildevakt.fetch;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;
import okio.AsyncTimeout;

/**
 * Bounds how long one attempt may take from its first byte sent to its last byte received,
 * headers included. The read timeout alone does not: a server that drips one byte every few
 * seconds — of its headers or of its body — never trips it, and held a cron crawl (and its lock)
 * for ever.
 *
 * <p>Why not OkHttp's {@code callTimeout}: it spans the whole call, and our interceptors wait
 * inside the call — for a busy host, for backoff, for a Retry-After of up to two minutes. A call
 * timeout would cut those legitimate waits short, and a cancelled call is not retried. So this is
 * a <em>network</em> interceptor, one per attempt on a connection: until the response headers are
 * in, an okio watchdog closes the socket at the deadline (as okio does for its own read timeouts),
 * and the body's source gets the same deadline. Either way the attempt fails with a
 * {@link SocketTimeoutException}, a TIMEOUT that the retry interceptor treats as passing — so the
 * time spent on one request stays bounded by attempts × budget plus the backoff between them.
 *
 * <p>Only HTTP/1 sockets are closed: an HTTP/2 socket carries other requests too, and there
 * OkHttp already bounds the wait for a stream's headers as a whole by the read timeout.
 *
 * <p>Added to every client by {@link ClientBase}, with each client's own budget.
 */
final class AttemptDeadlineInterceptor implements Interceptor {
    private final Duration budget;

    /** @param budget the longest one attempt may take; zero for none */
    AttemptDeadlineInterceptor(Duration budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (budget.isZero() || budget.isNegative()) {
            return chain.proceed(chain.request());
        }
        long deadline = System.nanoTime() + budget.toNanos();
        Connection connection = chain.connection();
        AsyncTimeout watchdog = connection != null && isHttp1(connection.protocol())
                ? new SocketCloser(connection.socket())
                : new AsyncTimeout();
        watchdog.deadlineNanoTime(deadline);
        watchdog.enter();
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException | Error e) {
            if (watchdog.exit()) {
                throw timedOut(e);
            }
            throw e;
        }
        if (watchdog.exit()) {
            response.close();
            throw timedOut(null);
        }
        response.body().source().timeout().deadlineNanoTime(deadline);
        return response;
    }

    private static boolean isHttp1(Protocol protocol) {
        return protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0;
    }

    /** Names the budget, so an editor reading "timed out" sees which bound was hit. */
    private SocketTimeoutException timedOut(Throwable cause) {
        SocketTimeoutException e = new SocketTimeoutException("no complete response within " + FetchFailures.seconds(budget));
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** Closes the socket when the deadline passes: the blocked header read then fails at once. */
    private static final class SocketCloser extends AsyncTimeout {
        private final Socket socket;

        SocketCloser(Socket socket) {
            this.socket = socket;
        }

        @Override
        protected void timedOut() {
            try {
                socket.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing more to do: the read fails either way
            }
        }
    }
}
