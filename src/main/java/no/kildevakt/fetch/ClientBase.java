package no.kildevakt.fetch;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import no.kildevakt.config.Proxies;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.OkHttpClient;

/**
 * The one place kildevakt builds an OkHttp client, so the crawler's {@link Fetcher} and the link
 * checker stand on the same ground: who we say we are ({@link UserAgentInterceptor}, outermost), the
 * proxy, the timeouts, OkHttp's own redirect following off (each caller walks redirects hop by hop, so every hop
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
 * @param proxies        the web proxy to go through ({@link ProxyRoutes}); {@link Proxies#UNSET} keeps the JVM's
 */
public record ClientBase(String userAgent, Headers requestHeaders, Duration timeout, Duration attemptBudget, Dns dns,
        PrivateNetworkRule addressRule, ConnectionPool connectionPool, Proxies proxies) {

    /**
     * A builder with all of the above; add the application interceptors, then build.
     *
     * @throws TlsUnavailableException when the JDK's TLS set-up failed (a trust store it cannot read,
     *                                 say): then no client can be built, and the run says so in one line
     */
    public OkHttpClient.Builder newBuilder() {
        if (Tls.FAILURE != null) {
            throw new TlsUnavailableException(Tls.FAILURE);
        }
        return ProxyRoutes.install(new OkHttpClient.Builder(), proxies)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(Duration.ZERO) // it would cut backoff and Retry-After waits short; see AttemptDeadlineInterceptor
                .dns(dns)
                .connectionPool(connectionPool)
                .sslSocketFactory(Tls.FACTORY, Tls.TRUST)
                .addInterceptor(new UserAgentInterceptor(userAgent, requestHeaders))
                .addNetworkInterceptor(addressRule)
                .addNetworkInterceptor(new AttemptDeadlineInterceptor(attemptBudget));
    }

    /**
     * The JDK's default trust (its cacerts, as OkHttp's own default reads them) in one TLS context for
     * every client this process builds. OkHttp made a new context per client, some 30 ms each; a run
     * builds two or three clients (the crawl's and the warm-up's; an issue's loader, the link checker's),
     * each on the way to its first request. Made once, on first use, and never changed.
     *
     * <p>Its initialiser never throws: a class whose initialiser failed is dead for the rest of the
     * run, and the JVM answers every later use with "Could not initialize class" and a stack trace
     * instead of the cause. The warm-up thread usually gets here first, so the command's own client
     * would have met only that. A failure is kept and thrown to every client built, each time.
     */
    private static final class Tls {
        static final X509TrustManager TRUST;
        static final SSLSocketFactory FACTORY;
        /** Why the set-up failed, as the JDK said it; null when it did not. */
        static final Exception FAILURE;

        static {
            X509TrustManager trust = null;
            SSLSocketFactory factory = null;
            Exception failure = null;
            try {
                trust = defaultTrustManager();
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {trust}, null);
                factory = context.getSocketFactory();
            } catch (GeneralSecurityException | RuntimeException e) {
                failure = e;
            }
            TRUST = trust;
            FACTORY = factory;
            FAILURE = failure;
        }

        private Tls() {
        }
    }

    /** The JDK's default trust manager over its default trust store. */
    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return (X509TrustManager) java.util.Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance).findFirst()
                .orElseThrow(() -> new IllegalStateException("the JDK offers no X.509 trust manager"));
    }
}
