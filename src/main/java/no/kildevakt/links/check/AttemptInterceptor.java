package no.kildevakt.links.check;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts every attempt a link check sends (see {@link Attempts}) and bounds the whole attempt, body
 * included, by the timeout from the moment its host's slot was taken: the read timeout alone lets a
 * server that drips a byte a second hold a slot for ever.
 *
 * <p>Sits right inside the fetch layer's {@link no.kildevakt.fetch.HostLimitInterceptor}, so it
 * counts only attempts that got a slot and starts the clock when they did.
 */
final class AttemptInterceptor implements Interceptor {
    private final long attemptBudgetNanos;

    AttemptInterceptor(Duration attemptBudget) {
        this.attemptBudgetNanos = attemptBudget.toNanos();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Attempts attempts = chain.request().tag(Attempts.class);
        if (attempts != null) {
            attempts.count();
        }
        long start = System.nanoTime();
        Response response = chain.proceed(chain.request());
        response.body().source().timeout().deadlineNanoTime(start + attemptBudgetNanos);
        return response;
    }
}
