package no.kildevakt.fetch;

import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.OkHttpClient;

/**
 * The one place kildevakt builds an OkHttp client, so the crawler's {@link Fetcher} and the link
 * checker stand on the same ground: who we say we are ({@link UserAgentInterceptor}, outermost), the
 * timeouts, OkHttp's own redirect following off (each caller walks redirects hop by hop, so every hop
 * meets its rules), no call timeout, DNS, the connection pool, and two network interceptors on every
 * attempt: the {@link PrivateNetworkRule} on the address each connection reached, then the
 * {@link AttemptDeadlineInterceptor}.
 *
 * <p>The caller adds its own manners to the builder as application interceptors, in order, between
 * the User-Agent and the network: the crawler's redirects, robots.txt, retries and pacing; the link
 * checker's retries and per-host limit ({@link RetryInterceptor} and {@link HostLimitInterceptor},
 * each with the checker's own values).
 *
 * @param userAgent      the User-Agent of every request
 * @param requestHeaders further headers set on every request (none for the crawler)
 * @param timeout        connect, read and write timeout
 * @param attemptBudget  the longest one attempt may take once connected, headers and body included
 * @param dns            host name lookups
 * @param addressRule    which addresses a connection may reach
 * @param connectionPool idle connections kept for reuse
 */
public record ClientBase(String userAgent, Headers requestHeaders, Duration timeout, Duration attemptBudget, Dns dns,
        PrivateNetworkRule addressRule, ConnectionPool connectionPool) {

    /** A builder with all of the above; add the application interceptors, then build. */
    public OkHttpClient.Builder newBuilder() {
        return new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(Duration.ZERO) // it would cut backoff and Retry-After waits short; see AttemptDeadlineInterceptor
                .dns(dns)
                .connectionPool(connectionPool)
                .addInterceptor(new UserAgentInterceptor(userAgent, requestHeaders))
                .addNetworkInterceptor(addressRule)
                .addNetworkInterceptor(new AttemptDeadlineInterceptor(attemptBudget));
    }
}
