package no.kildevakt.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a request again when the failure is likely passing — a timeout, a dropped connection,
 * 500/502/503/504 or 429 — so one hiccup does not cost a source a whole crawl interval. Waits
 * with exponential backoff and full jitter (base 1 s, doubling, capped at 30 s), or exactly as
 * long as the server's Retry-After asks. When the server asks for longer than
 * {@code maxRetryAfter}, it does not wait at all: it hands the response back at once so the
 * caller can record the Retry-After and the crawler reschedules the source.
 *
 * <p>Sits inside the redirect interceptor (a retry repeats one hop, not the chain) and outside
 * the pacing interceptor (every attempt is paced like any other request). Only GET and HEAD are
 * retried; a bot challenge is never retried, since asking again only looks more like a bot.
 *
 * <p>Public, with a {@link Policy}, because the link checker needs the same behaviour with its own
 * pace (an editor is waiting) and its own idea of what is worth asking again.
 */
public final class RetryInterceptor implements Interceptor {
    static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);
    static final Duration BACKOFF_BASE = Duration.ofSeconds(1);
    static final Duration BACKOFF_CAP = Duration.ofSeconds(30);

    /**
     * How to retry.
     *
     * @param retries       attempts after the first
     * @param maxRetryAfter the longest Retry-After waited for; a longer one hands the response back at once
     * @param backoffBase   the first backoff ceiling, doubled on every retry (full jitter below it)
     * @param backoffCap    the highest backoff ceiling
     * @param retryable     which I/O failures are worth another attempt
     */
    public record Policy(int retries, Duration maxRetryAfter, Duration backoffBase, Duration backoffCap,
            Predicate<IOException> retryable) {
        public Policy {
            retries = Math.max(0, retries);
        }
    }

    private final int retries;
    private final Duration maxRetryAfter;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final Predicate<IOException> retryable;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;

    /** The crawler's retries: base 1 s, cap 30 s, the failures {@link FetchFailures} calls passing. */
    RetryInterceptor(int retries, Duration maxRetryAfter, Sleeper sleeper, RandomGenerator random, Clock clock) {
        this(new Policy(retries, maxRetryAfter, BACKOFF_BASE, BACKOFF_CAP, FetchFailures::isRetryable), sleeper, random, clock);
    }

    public RetryInterceptor(Policy policy, Sleeper sleeper, RandomGenerator random, Clock clock) {
        this.retries = policy.retries();
        this.maxRetryAfter = policy.maxRetryAfter();
        this.backoffBase = policy.backoffBase();
        this.backoffCap = policy.backoffCap();
        this.retryable = policy.retryable();
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        FetchTrace trace = FetchTrace.of(chain.call());
        trace.startHop();
        Request request = chain.request();
        boolean idempotent = request.method().equals("GET") || request.method().equals("HEAD");
        for (int retry = 0; ; retry++) {
            boolean mayRetry = idempotent && retry < retries && !chain.call().isCanceled();
            Response response;
            trace.countRequest();
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (!mayRetry || !retryable.test(e)) {
                    throw e;
                }
                sleep(backoff(retry));
                continue;
            }
            if (!mayRetry || !RETRYABLE_STATUSES.contains(response.code())) {
                return response;
            }
            Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
            if (retryAfter.isPresent() && retryAfter.get().compareTo(maxRetryAfter) > 0) {
                return response; // longer than we wait within a run: the crawler reschedules instead
            }
            if (BotChallenge.detect(response).isPresent()) {
                return response;
            }
            response.close(); // releases the host before we sleep
            sleep(retryAfter.isPresent() ? retryAfter.get() : backoff(retry));
        }
    }

    /** Full jitter: uniformly random between zero and min(cap, base * 2^retry). */
    Duration backoff(int retry) {
        long ceiling = backoffCap.toMillis();
        if (retry < 30) {
            ceiling = Math.min(ceiling, backoffBase.toMillis() << retry);
        }
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    private void sleep(Duration wait) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
