package no.kildevakt.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Crawl-wide settings from the {@code settings:} block of feeds.yml. Every key is optional;
 * {@link #defaults()} holds the values a cron job gets when the block is absent.
 *
 * @param userAgent        the full User-Agent header; always names kildevakt so site owners know who calls
 * @param perHostDelay     the pause between two requests to the same host (robots.txt fetches count)
 * @param timeout          connect and read timeout of one request; one attempt, from its first byte sent to
 *                         its last byte received (headers included), may take at most twice this
 * @param maxBody          the most bytes read of one response body, counted after decompression
 * @param interval         how long after its last success a source is due again
 * @param retries          how many times a request is retried after a timeout, 5xx or 429
 * @param maxRetryAfter    the longest Retry-After the crawler waits for within a run; longer ones end the attempt
 * @param maxRedirects     how many redirects one fetch follows before it gives up
 * @param concurrency      how many hosts are crawled in parallel
 * @param maxCrawlTime     the longest one crawl may run: a cron crawl that hangs holds the lock and
 *                         stops every later one, so past this the sources not yet done are recorded as
 *                         timed out and the crawl ends
 * @param reviewGrace      how long into a quarter the review page still opens on the previous one, the issue
 *                         the editors are finishing then; zero opens on the current quarter always
 * @param proxies          the web proxy requests go through ({@code settings.proxy} or the environment's
 *                         {@code https_proxy}); {@link Proxies#UNSET} when neither names one
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
        int concurrency,
        Duration maxCrawlTime,
        Duration reviewGrace,
        Proxies proxies) {

    public static final String DEFAULT_CONTACT = "https://github.com/kildevakt/kildevakt";

    /**
     * Long enough for a few hundred sources at the default pace, short enough that an hourly cron
     * crawl is never kept out by a hung one.
     */
    public static final Duration DEFAULT_MAX_CRAWL_TIME = Duration.ofMinutes(10);

    /** The first six weeks of a quarter go to finishing the previous quarter's issue. */
    public static final Duration DEFAULT_REVIEW_GRACE = Duration.ofDays(42);

    public Settings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(perHostDelay, "perHostDelay");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(maxCrawlTime, "maxCrawlTime");
        Objects.requireNonNull(reviewGrace, "reviewGrace");
        Objects.requireNonNull(proxies, "proxies");
    }

    /** Settings with no proxy configured ({@link Proxies#UNSET}). */
    public Settings(String userAgent, Duration perHostDelay, Duration timeout, long maxBody, Duration interval, int retries,
            Duration maxRetryAfter, int maxRedirects, int concurrency, Duration maxCrawlTime, Duration reviewGrace) {
        this(userAgent, perHostDelay, timeout, maxBody, interval, retries, maxRetryAfter, maxRedirects, concurrency,
                maxCrawlTime, reviewGrace, Proxies.UNSET);
    }

    /** Settings with the default {@link #DEFAULT_REVIEW_GRACE}. */
    public Settings(String userAgent, Duration perHostDelay, Duration timeout, long maxBody, Duration interval, int retries,
            Duration maxRetryAfter, int maxRedirects, int concurrency, Duration maxCrawlTime) {
        this(userAgent, perHostDelay, timeout, maxBody, interval, retries, maxRetryAfter, maxRedirects, concurrency,
                maxCrawlTime, DEFAULT_REVIEW_GRACE);
    }

    /** Settings with the default {@link #DEFAULT_MAX_CRAWL_TIME}. */
    public Settings(String userAgent, Duration perHostDelay, Duration timeout, long maxBody, Duration interval, int retries,
            Duration maxRetryAfter, int maxRedirects, int concurrency) {
        this(userAgent, perHostDelay, timeout, maxBody, interval, retries, maxRetryAfter, maxRedirects, concurrency,
                DEFAULT_MAX_CRAWL_TIME);
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
                32,
                DEFAULT_MAX_CRAWL_TIME,
                DEFAULT_REVIEW_GRACE,
                Proxies.UNSET);
    }

    public Settings withPerHostDelay(Duration d) {
        return new Settings(userAgent, d, timeout, maxBody, interval, retries, maxRetryAfter, maxRedirects, concurrency, maxCrawlTime, reviewGrace, proxies);
    }

    public Settings withTimeout(Duration d) {
        return new Settings(userAgent, perHostDelay, d, maxBody, interval, retries, maxRetryAfter, maxRedirects, concurrency, maxCrawlTime, reviewGrace, proxies);
    }

    public Settings withMaxBody(long bytes) {
        return new Settings(userAgent, perHostDelay, timeout, bytes, interval, retries, maxRetryAfter, maxRedirects, concurrency, maxCrawlTime, reviewGrace, proxies);
    }

    public Settings withRetries(int n) {
        return new Settings(userAgent, perHostDelay, timeout, maxBody, interval, n, maxRetryAfter, maxRedirects, concurrency, maxCrawlTime, reviewGrace, proxies);
    }

    public Settings withMaxRetryAfter(Duration d) {
        return new Settings(userAgent, perHostDelay, timeout, maxBody, interval, retries, d, maxRedirects, concurrency, maxCrawlTime, reviewGrace, proxies);
    }

    public Settings withMaxCrawlTime(Duration d) {
        return new Settings(userAgent, perHostDelay, timeout, maxBody, interval, retries, maxRetryAfter, maxRedirects, concurrency, d, reviewGrace, proxies);
    }

    public Settings withReviewGrace(Duration d) {
        return new Settings(userAgent, perHostDelay, timeout, maxBody, interval, retries, maxRetryAfter, maxRedirects, concurrency,
                maxCrawlTime, d, proxies);
    }

    public Settings withProxies(Proxies p) {
        return new Settings(userAgent, perHostDelay, timeout, maxBody, interval, retries, maxRetryAfter, maxRedirects, concurrency,
                maxCrawlTime, reviewGrace, p);
    }
}
