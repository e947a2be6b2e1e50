package no.kildevakt.fetch;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import no.kildevakt.config.Settings;
import no.kildevakt.fetch.FetchException.Kind;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The crawler's way to talk HTTP: a single shared OkHttp client whose politeness
 * (User-Agent, robots.txt, per-host pacing, retries, Retry-After, redirects, body cap)
 * is built from interceptors, so every caller — crawler, readers, enricher, issue loader — gets
 * the same manners. The link checker builds its client on the same {@link ClientBase} with the same
 * retry and per-host interceptors, set to its own values.
 *
 * <p>Interceptors, outermost first:
 * User-Agent → redirects → robots.txt → retries → whole-body read (for {@link #fetch}) → per-host pacing
 * (one request in flight per host, see {@link HostLimitInterceptor}) → body cap; then, once connected, as network
 * interceptors: the {@link PrivateNetworkRule} on the address each connection reached, and the
 * per-attempt deadline (it bounds each attempt from its first byte sent, headers included). So
 * each redirect hop is checked against robots.txt and the address rule and retried on its own,
 * each attempt waits its turn at the host, and no attempt outlives twice the timeout. OkHttp's own redirect
 * following is off; its transparent gzip stays on (the cap counts inflated bytes).
 *
 * <p>Thread-safe: one instance serves all threads of a crawl.
 */
public final class Fetcher implements Fetch, AutoCloseable {
    /** Every request asks for the newsletter's languages; its Accept comes with the {@link FetchRequest}. */
    private static final Headers LANGUAGE = Headers.of("Accept-Language", AcceptHeaders.LANGUAGE);

    private final Settings settings;
    private final FetcherOptions options;
    private final PrivateNetworkRule addressRule;
    private final OkHttpClient client;

    public Fetcher(Settings settings) {
        this(settings, FetcherOptions.defaults());
    }

    /** For tests and for steps with other needs, e.g. the link checker without robots.txt. */
    public Fetcher(Settings settings, FetcherOptions options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = Objects.requireNonNull(options, "options");
        this.addressRule = new PrivateNetworkRule(options.dns(), options.addressScope());
        this.client = buildClient();
    }

    private OkHttpClient buildClient() {
        Duration timeout = settings.timeout();
        RunCookieJar cookies = new RunCookieJar();
        OkHttpClient.Builder builder = new ClientBase(settings.userAgent(), LANGUAGE, timeout, timeout.multipliedBy(2),
                options.dns(), addressRule, idleConnections(settings), settings.proxies()).newBuilder()
                .cookieJar(cookies) // a site that sets a cookie and redirects to itself is no loop
                .addInterceptor(new RedirectInterceptor(settings.maxRedirects(), addressRule, cookies));
        Function<HttpUrl, Duration> delayFor = url -> settings.perHostDelay();
        if (options.obeyRobots()) {
            Clock clock = options.clock();
            Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
            RobotsCache robots = new RobotsCache(() -> this.client, settings.userAgent(), ticker, options.robotsArchive(), clock);
            builder.addInterceptor(new RobotsInterceptor(robots));
            delayFor = url -> max(settings.perHostDelay(), robots.knownCrawlDelay(url));
        }
        return builder
                .addInterceptor(new RetryInterceptor(settings.retries(), settings.maxRetryAfter(),
                        options.sleeper(), options.random(), options.clock()))
                .addInterceptor(new BufferBodyInterceptor())
                .addInterceptor(new HostLimitInterceptor(1, delayFor))
                .addInterceptor(new BodyLimitInterceptor(settings.maxBody()))
                .build();
    }

    /**
     * One idle connection kept per host being crawled: each host has one request in flight at a time
     * and its next one follows a few hundred milliseconds later, so with OkHttp's default of five idle
     * connections a crawl of more hosts than that opened (and, for https, shook hands on) a new
     * connection for nearly every request.
     */
    static ConnectionPool idleConnections(Settings settings) {
        return new ConnectionPool(Math.max(5, settings.concurrency()), 5, TimeUnit.MINUTES);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * The shared client with all the manners above, for steps that need more than
     * {@link #fetch} (HEAD requests, streaming). Callers must close every response they get:
     * an open body keeps its host busy for every other thread.
     */
    public OkHttpClient client() {
        return client;
    }

    /**
     * Fetches one URL. Returns 2xx or 304; anything else is a {@link FetchException}. A request with an
     * {@link FetchRequest#origin() origin} is judged by the origin's address, not its own ({@link PrivateNetworkRule}).
     */
    @Override
    public FetchResponse fetch(FetchRequest request) throws FetchException {
        URI requested = Objects.requireNonNull(request, "request").url();
        HttpUrl url = HttpUrl.parse(requested.toString());
        if (url == null) {
            throw new FetchException(Kind.IO, requested, requested + ": not an http(s) URL");
        }
        PrivateNetworkRule.Origin origin = PrivateNetworkRule.Origin.firstConnection(url);
        if (request.origin() != null) {
            origin = addressRule.originAt(request.origin());
            Optional<String> refused = addressRule.refusal(origin, url);
            if (refused.isPresent()) { // before robots.txt, so the refused host hears nothing at all
                throw new FetchException(Kind.PRIVATE_ADDRESS, requested, requested + ": " + refused.get());
            }
        }
        Request.Builder builder = new Request.Builder().url(url).get()
                .tag(PrivateNetworkRule.Origin.class, origin)
                .tag(BufferBodyInterceptor.BufferBody.class, BufferBodyInterceptor.BufferBody.TAG)
                .header("Accept", request.acceptHeader());
        addValidator(builder, "If-None-Match", request.etag());
        addValidator(builder, "If-Modified-Since", request.lastModified());
        Call call = client.newCall(builder.build());
        FetchTrace trace = FetchTrace.of(call);
        try (Response response = call.execute()) {
            int code = response.code();
            if (code == 304) {
                return result(request, response, new byte[0], trace);
            }
            if (code >= 200 && code < 300) {
                byte[] body = response.body().bytes();
                Optional<BotChallenge> challenge = BotChallenge.detect(code, response.headers(), challengeCandidate(body, response));
                if (challenge.isPresent()) {
                    throw new FetchException(Kind.BLOCKED, requested, code, null,
                            requested + ": " + challenge.get().description() + " instead of content (HTTP " + code + ")", null);
                }
                return result(request, response, body, trace);
            }
            throw statusFailure(requested, call, response, trace.requestsThisHop());
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw FetchFailures.fromIOException(requested, e, trace.requestsThisHop());
        }
    }

    /**
     * Sends a stored validator back. One OkHttp cannot send (non-ASCII, control characters — a
     * server sent it so, or it was stored garbled) is dropped: the cost is one full fetch, not a failure.
     */
    private static void addValidator(Request.Builder builder, String header, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            builder.header(header, value);
        } catch (IllegalArgumentException unsendable) {
            // fetch unconditionally
        }
    }

    private static FetchResponse result(FetchRequest request, Response response, byte[] body, FetchTrace trace) {
        HttpUrl movedTo = trace.movedTo();
        return new FetchResponse(
                request.url(),
                response.request().url().uri(),
                response.code(),
                body,
                response.header("Content-Type"),
                response.header("ETag"),
                response.header("Last-Modified"),
                movedTo == null ? null : movedTo.uri(),
                trace.requestsSent());
    }

    /** The exception for a final status that is neither 2xx nor 304, after retries. */
    private FetchException statusFailure(URI requested, Call call, Response response, int attempts) {
        int code = response.code();
        StringBuilder cause = new StringBuilder();
        Kind kind = FetchFailures.kindForStatus(code);
        Optional<BotChallenge> challenge = BotChallenge.detect(response);
        if (challenge.isPresent()) {
            kind = Kind.BLOCKED;
            cause.append(challenge.get().description()).append(", ");
        }
        cause.append(FetchFailures.statusLine(code, response.message()));
        if (RedirectInterceptor.isRedirect(code)) {
            cause.append(" without Location");
        }
        HttpUrl finalUrl = response.request().url();
        if (!finalUrl.equals(call.request().url())) {
            cause.append(" at ").append(finalUrl); // the redirect target that failed
        }
        cause.append(FetchFailures.afterAttempts(attempts));
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), options.clock()).orElse(null);
        if (retryAfter != null) {
            cause.append(retryAfter.compareTo(settings.maxRetryAfter()) > 0
                    ? "; Retry-After " + FetchFailures.seconds(retryAfter) + " exceeds the "
                            + FetchFailures.seconds(settings.maxRetryAfter()) + " we wait"
                    : "; Retry-After " + FetchFailures.seconds(retryAfter));
        }
        return new FetchException(kind, requested, code, retryAfter, requested + ": " + cause, null);
    }

    /**
     * The start of a body that could be a challenge page: challenge pages are HTML, so a body
     * declared as XML, a feed or JSON is not searched (its headers still are). That spares
     * every feed a scan.
     */
    private static String challengeCandidate(byte[] body, Response response) {
        String type = response.header("Content-Type", "");
        boolean couldBeHtml = type.isBlank() || type.contains("html") || type.startsWith("text/plain");
        return couldBeHtml ? start(body) : "";
    }

    /** The first bytes of a body as Latin-1: enough to spot ASCII challenge markers. */
    private static String start(byte[] body) {
        return new String(body, 0, (int) Math.min(body.length, BotChallenge.PEEK_BYTES), StandardCharsets.ISO_8859_1);
    }

    /**
     * Cancels every call still in flight, stops the client's threads and drops pooled connections.
     * Cancelling matters when a crawl gave up at {@code settings.max_crawl_time}: its abandoned
     * workers may still be waiting on a server, and must not keep a socket open after the command.
     */
    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
