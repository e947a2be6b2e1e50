package no.kildevakt.links.check;

import java.time.Duration;
import java.util.Objects;
import no.kildevakt.config.Proxies;
import no.kildevakt.config.Settings;

/**
 * How hard and how politely the link checker works. Separate from the crawler's {@link Settings}
 * because checking links is a different errand: one request per cited URL, many hosts, an editor
 * waiting — so several requests per host are fine, and a per-host pause of seconds is not.
 *
 * @param userAgent     the User-Agent header, the crawler's (so site owners see the same caller)
 * @param timeout       connect and read timeout of one request; also the longest Retry-After honoured
 * @param concurrency   requests in flight at once over all hosts
 * @param perHost       requests in flight at once to one host (by host name)
 * @param perHostDelay  pause between the end of one request to a host and the start of the next on that slot
 * @param retries       how often a timeout, reset, 5xx or 429 is retried (with backoff or Retry-After)
 * @param maxRedirects  redirect hops followed before the link counts as broken
 * @param peekBytes     how much of a 200 HTML body is read for soft-404 and bot-wall detection
 * @param proxies       the web proxy to go through, the crawler's
 */
public record CheckSettings(String userAgent, Duration timeout, int concurrency, int perHost, Duration perHostDelay,
        int retries, int maxRedirects, int peekBytes, Proxies proxies) {

    /** Enough for title, h1 and the start of the text of nearly every page, heavy heads included. */
    public static final int DEFAULT_PEEK_BYTES = 64 * 1024;

    public CheckSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(perHostDelay, "perHostDelay");
        Objects.requireNonNull(proxies, "proxies");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (concurrency < 1 || perHost < 1) {
            throw new IllegalArgumentException("concurrency and per-host limit must be at least 1");
        }
        if (perHostDelay.isNegative() || retries < 0 || maxRedirects < 0 || peekBytes < 1024) {
            throw new IllegalArgumentException("delay, retries and redirects must not be negative; peek at least 1 KB");
        }
    }

    /** Settings that go through no configured proxy ({@link Proxies#UNSET}). */
    public CheckSettings(String userAgent, Duration timeout, int concurrency, int perHost, Duration perHostDelay,
            int retries, int maxRedirects, int peekBytes) {
        this(userAgent, timeout, concurrency, perHost, perHostDelay, retries, maxRedirects, peekBytes, Proxies.UNSET);
    }

    /**
     * The defaults for a run: the crawler's User-Agent and retries, 20 s timeout, 32 in flight,
     * 2 per host, no per-host pause, 10 redirects, 64 KB peek.
     */
    public static CheckSettings from(Settings crawl) {
        return new CheckSettings(crawl.userAgent(), Duration.ofSeconds(20), 32, 2, Duration.ZERO,
                crawl.retries(), crawl.maxRedirects(), DEFAULT_PEEK_BYTES, crawl.proxies());
    }

    public CheckSettings withTimeout(Duration d) {
        return new CheckSettings(userAgent, d, concurrency, perHost, perHostDelay, retries, maxRedirects, peekBytes, proxies);
    }

    public CheckSettings withConcurrency(int n) {
        return new CheckSettings(userAgent, timeout, n, perHost, perHostDelay, retries, maxRedirects, peekBytes, proxies);
    }

    public CheckSettings withPerHost(int n) {
        return new CheckSettings(userAgent, timeout, concurrency, n, perHostDelay, retries, maxRedirects, peekBytes, proxies);
    }

    public CheckSettings withPerHostDelay(Duration d) {
        return new CheckSettings(userAgent, timeout, concurrency, perHost, d, retries, maxRedirects, peekBytes, proxies);
    }

    public CheckSettings withRetries(int n) {
        return new CheckSettings(userAgent, timeout, concurrency, perHost, perHostDelay, n, maxRedirects, peekBytes, proxies);
    }
}
