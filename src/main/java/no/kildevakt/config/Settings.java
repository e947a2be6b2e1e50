package no.kildevakt.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Crawl-wide settings from the {@code settings:} block of feeds.yml. Every key is optional;
 * {@link #defaults()} holds the values a cron job gets when the block is absent.
 *
 * @param userAgent        the full User-Agent header; always names kildevakt so site owners know who calls
 * @param perHostDelay     the pause between two requests to the same host (robots.txt fetches count)
 * @param timeout          connect, read and whole-call timeout of one request
 * @param maxBody          the most bytes read of one response body, counted after decompression
 * @param interval         how long after its last success a source is due again
 * @param retries          how many times a request is retried after a timeout, 5xx or 429
 * @param maxRetryAfter    the longest Retry-After the crawler waits for within a run; longer ones end the attempt
 * @param maxRedirects     how many redirects one fetch follows before it gives up
 * @param concurrency      how many hosts are crawled in parallel
 */
public record Settings(
        String userAgent,
        Duration perHostDelay,
        Duration timeout,
        long maxBody,
        Duration interval,
        int retries,
        Duration maxRetryAfter,
        int maxRedirects,
        int concurrency) {

    public static final String DEFAULT_CONTACT = "https://github.com/kildevakt/kildevakt";

    public Settings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(perHostDelay, "perHostDelay");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** The User-Agent for a contact address (URL or e-mail), as {@code kildevakt/<version> (+contact)}. */
    public static String userAgentFor(String contact) {
        return "kildevakt/" + no.kildevakt.Version.get() + " (+" + contact + ")";
    }

    /** The settings used when feeds.yml has no {@code settings:} block. */
    public static Settings defaults() {
        return new Settings(
                userAgentFor(DEFAULT_CONTACT),
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                10L * 1024 * 1024,
                Duration.ofHours(6),
                2,
                Duration.ofMinutes(2),
                10,
                32);
    }

    public Settings withPerHostDelay(Duration d) {
        return new Settings(userAgent, d, timeout, maxBody, interval, retries, maxRetryAfter, maxRedirects, concurrency);
    }

    public Settings withTimeout(Duration d) {
        return new Settings(userAgent, perHostDelay, d, maxBody, interval, retries, maxRetryAfter, maxRedirects, concurrency);
    }

    public Settings withMaxBody(long bytes) {
        return new Settings(userAgent, perHostDelay, timeout, bytes, interval, retries, maxRetryAfter, maxRedirects, concurrency);
    }

    public Settings withRetries(int n) {
        return new Settings(userAgent, perHostDelay, timeout, maxBody, interval, n, maxRetryAfter, maxRedirects, concurrency);
    }

    public Settings withMaxRetryAfter(Duration d) {
        return new Settings(userAgent, perHostDelay, timeout, maxBody, interval, retries, d, maxRedirects, concurrency);
    }
}
