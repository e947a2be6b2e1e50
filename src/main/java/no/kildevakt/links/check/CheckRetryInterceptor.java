package no.kildevakt.links.check;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import no.kildevakt.fetch.BotChallenge;
import no.kildevakt.fetch.Sleeper;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Asks again when a failure is likely to pass — a timeout, a reset connection, 500/502/503/504 or
 * 429 — so a hiccup is not reported as a dead link. Waits with exponential backoff and full jitter
 * (base 500 ms, doubling, capped at 8 s: an editor is waiting), or exactly as long as Retry-After
 * asks when that is within {@code maxRetryAfter}; a longer Retry-After ends the attempts at once
 * (429 then reads as blocked, 503 as error). A bot challenge is never retried: asking again only
 * looks more like a bot. A refused connection or unknown host is not retried either: the answer
 * would be the same.
 */
final class CheckRetryInterceptor implements Interceptor {
    static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
    static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    static final Duration BACKOFF_CAP = Duration.ofSeconds(8);

    private final int retries;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;

    CheckRetryInterceptor(int retries, Duration maxRetryAfter, Sleeper sleeper, RandomGenerator random, Clock clock) {
        this.retries = retries;
        this.maxRetryAfter = maxRetryAfter;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        for (int retry = 0; ; retry++) {
            boolean mayRetry = retry < retries && !chain.call().isCanceled();
            Response response;
            try {
                response = chain.proceed(chain.request());
            } catch (IOException e) {
                if (!mayRetry || !Failures.isRetryable(e)) {
                    throw e;
                }
                sleep(backoff(retry));
                continue;
            }
            if (!mayRetry || !RETRYABLE.contains(response.code())) {
                return response;
            }
            Optional<Duration> retryAfter = retryAfter(response.header("Retry-After"), clock);
            if (retryAfter.isPresent() && retryAfter.get().compareTo(maxRetryAfter) > 0) {
                return response;
            }
            if (BotChallenge.detect(response).isPresent()) {
                return response;
            }
            response.close(); // frees the host's slot before we sleep
            sleep(retryAfter.isPresent() ? retryAfter.get() : backoff(retry));
        }
    }

    /** Full jitter: uniformly random between zero and min(cap, base * 2^retry). */
    Duration backoff(int retry) {
        long ceiling = BACKOFF_CAP.toMillis();
        if (retry < 20) {
            ceiling = Math.min(ceiling, BACKOFF_BASE.toMillis() << retry);
        }
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date; a past date is "now", junk is absent. */
    static Optional<Duration> retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            return Optional.of(v.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration wait = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
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
