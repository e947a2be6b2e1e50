package no.kildevakt.links.check;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.kildevakt.config.Settings;
import no.kildevakt.fetch.AcceptHeaders;
import no.kildevakt.fetch.BotChallenge;
import no.kildevakt.fetch.ClientBase;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.HostLimitInterceptor;
import no.kildevakt.fetch.PrivateNetworkRule;
import no.kildevakt.fetch.RunCookieJar;
import no.kildevakt.fetch.RetryInterceptor;
import no.kildevakt.links.check.CheckUrls.Target;
import no.kildevakt.text.CharsetSniffer;
import no.kildevakt.store.LinkStatus;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Checks whether the links in published issues still work, and says how they fail when they do
 * not, telling "dead" apart from "could not verify" (see {@link LinkStatus}).
 *
 * <p><b>One request per link, usually.</b> A GET, not a HEAD: servers that reject or mishandle
 * HEAD are common, and soft-404 detection needs the start of the body anyway. Of a 200 HTML page
 * only the first {@link CheckSettings#peekBytes()} are read, then the response is closed; other
 * bodies (PDFs, images) are not read at all. Redirects are walked here, hop by hop (OkHttp's own
 * following is off), so every hop's status is seen: a permanent first hop is a {@code redirect},
 * a loop or a hop to a dead page is {@code broken}, a deep link that lands on the home page is
 * {@code broken}. A hop from a public address to a loopback, link-local or private one is not taken
 * ({@link PrivateNetworkRule}): the link is an {@code error} ("refused: redirect from a public address
 * to ..."), not {@code broken} and not {@code blocked} (which is the site refusing us): we chose not to
 * look, so, as after a timeout, only the editor can tell.
 *
 * <p><b>Manners.</b> The fetch layer's client ({@link ClientBase}) with the crawler's User-Agent and its
 * retry and per-host interceptors, set to the checker's values: at most {@link CheckSettings#perHost()} requests in
 * flight per host and {@link CheckSettings#concurrency()} overall; connections kept alive and
 * reused; retries with backoff on timeouts, resets, 5xx and 429, honouring Retry-After up to the
 * timeout; one in-memory cookie jar per checker (so per run). <b>robots.txt is not read</b>: the
 * checker follows links an editor published for readers, one request each, as a reader's browser
 * would — robots.txt governs crawling, and lychee and linkinator take the same view.
 *
 * <p>Thread-safe; one instance per run. Close it to release threads and pooled connections.
 */
public final class LinkChecker implements AutoCloseable {
    static final Duration RETRY_BACKOFF_BASE = Duration.ofMillis(500);
    static final Duration RETRY_BACKOFF_CAP = Duration.ofSeconds(8);

    /** Asked for as a browser asks, so servers answer with the page a reader would get. */
    private static final Headers BROWSER_ACCEPT = Headers.of(
            "Accept", AcceptHeaders.HTML, "Accept-Language", AcceptHeaders.LANGUAGE);

    private static final byte[] NO_BYTES = new byte[0];

    private static final Set<String> HOME_SEGMENTS = Set.of("", "index.html", "index.htm", "index.php",
            "default.aspx", "default.asp", "home", "start", "forside", "hjem", "startsida", "en", "no", "nb", "nn",
            "sv", "se", "da", "dk");

    private final CheckSettings settings;
    private final CheckRuntime runtime;
    private final RunCookieJar cookies = new RunCookieJar();
    private final PrivateNetworkRule addressRule;
    private final OkHttpClient client;

    /** How hard and how politely this checker works, and through which proxy. */
    public CheckSettings settings() {
        return settings;
    }

    public LinkChecker(CheckSettings settings, CheckRuntime runtime) {
        this.settings = settings;
        this.runtime = runtime;
        this.addressRule = new PrivateNetworkRule(runtime.dns(), runtime.addressScope());
        // each attempt bounded by the timeout, its headers too: a server dripping them never trips the read timeout
        this.client = new ClientBase(settings.userAgent(), BROWSER_ACCEPT, settings.timeout(), settings.timeout(),
                runtime.dns(), addressRule,
                // room to keep every host's connections of a run idle between its links (50 hosts x 2 is common)
                new ConnectionPool(Math.max(128, settings.concurrency() * 4), 1, TimeUnit.MINUTES), settings.proxies())
                .newBuilder()
                .cookieJar(cookies)
                // the crawler's retries at an editor's pace: base 500 ms, cap 8 s, a Retry-After within the
                // timeout; refused connections and unknown hosts are not asked again (the answer would be the same)
                .addInterceptor(new RetryInterceptor(new RetryInterceptor.Policy(settings.retries(), settings.timeout(),
                        RETRY_BACKOFF_BASE, RETRY_BACKOFF_CAP, Failures::isRetryable),
                        runtime.sleeper(), runtime.random(), runtime.clock()))
                .addInterceptor(new HostLimitInterceptor(settings.perHost(), url -> settings.perHostDelay()))
                .addInterceptor(new AttemptInterceptor(settings.timeout()))
                .build();
    }

    /**
     * Builds and closes a checker with the default settings, and prepares (never sends) one https
     * call on it: the classes a check runs through and the JDK's TLS set-up, which every client of a
     * run shares. {@code check-links} calls this on a spare core while the main thread still reads
     * the issue ({@code crawl.Warmup}); warming the crawler's fetcher instead also built its
     * robots.txt cache and loaded Caffeine, which a link check never uses.
     *
     * @return whether the client is ready for https (it must be)
     */
    public static boolean warmUp() {
        try (LinkChecker checker = new LinkChecker(CheckSettings.from(Settings.defaults()),
                CheckRuntime.defaults())) {
            checker.client.newCall(new Request.Builder().url("https://example.org/").build());
            return checker.client.sslSocketFactory() != null;
        }
    }

    /**
     * The checker's client, with its manners (User-Agent, per-host limit, retries, cookies), for
     * related lookups such as {@link ArchiveLookup}. Close every response.
     */
    public OkHttpClient client() {
        return client;
    }

    /**
     * Checks every distinct URL among {@code cited} once (fragments dropped, see {@link CheckUrls#key}),
     * in parallel within the limits.
     *
     * @return results by {@link CheckUrls#key}, in the order the URLs were first cited
     * @throws InterruptedException when the calling thread is interrupted; unfinished checks are abandoned
     */
    public Map<String, LinkResult> checkAll(Collection<String> cited, CheckListener listener) throws InterruptedException {
        return checkTargets(cited.stream().map(Target::of).toList(), listener);
    }

    /**
     * {@link #checkAll} of URLs the caller has already parsed ({@link Target#of}), so a run parses each
     * cited URL once, for its key and its request alike.
     */
    public Map<String, LinkResult> checkTargets(Collection<Target> cited, CheckListener listener) throws InterruptedException {
        Map<String, Target> firstCited = new LinkedHashMap<>();
        for (Target target : cited) {
            firstCited.putIfAbsent(target.key(), target);
        }
        Map<String, LinkResult> results = new ConcurrentHashMap<>();
        Map<String, Deque<Target>> queues = new LinkedHashMap<>();
        for (Target target : firstCited.values()) {
            if (target.url() == null) {
                results.put(target.key(), check(target));
            } else {
                queues.computeIfAbsent(target.url().host(), h -> new ArrayDeque<>()).add(target);
            }
        }
        int total = firstCited.size();
        AtomicInteger done = new AtomicInteger();
        for (LinkResult skipped : List.copyOf(results.values())) {
            listener.checked(skipped, done.incrementAndGet(), total);
        }
        int toFetch = total - results.size();
        if (toFetch > 0) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.concurrency(), toFetch), runnable -> {
                Thread t = new Thread(runnable, "link-check");
                t.setDaemon(true);
                return t;
            });
            CountDownLatch finished = new CountDownLatch(toFetch);
            HostQueues scheduler = new HostQueues(pool, queues, one -> {
                try {
                    LinkResult result = check(one);
                    results.put(one.key(), result);
                    listener.checked(result, done.incrementAndGet(), total);
                } finally {
                    finished.countDown(); // whatever happened, the run must not wait for this link for ever
                }
            });
            try {
                scheduler.start(settings.perHost());
                finished.await();
            } finally {
                pool.shutdownNow();
            }
        }
        Map<String, LinkResult> ordered = new LinkedHashMap<>();
        for (String key : firstCited.keySet()) {
            ordered.put(key, results.get(key));
        }
        return ordered;
    }

    /**
     * Feeds the pool so that at most {@code perHost} checks of one host are queued or running at once:
     * each host gets up to {@code perHost} lanes, and a lane checks its host's links one after the other
     * on one worker thread, so a worker never sits waiting for a busy host while others idle.
     *
     * <p>A lane goes on in the thread it has instead of handing each next link to the pool: a hand-off
     * per link woke another thread for every check, which on two cores was time the next request
     * waited for. The hosts with the most links start first, since the longest host sets how long a run
     * takes (the others fill in around it).
     */
    private static final class HostQueues {
        private final ExecutorService pool;
        private final Map<String, Deque<Target>> queues;
        private final java.util.function.Consumer<Target> work;

        HostQueues(ExecutorService pool, Map<String, Deque<Target>> queues, java.util.function.Consumer<Target> work) {
            this.pool = pool;
            this.queues = queues;
            this.work = work;
        }

        void start(int perHost) {
            List<Map.Entry<String, Deque<Target>>> longestFirst = new java.util.ArrayList<>(queues.entrySet());
            longestFirst.sort(java.util.Comparator.comparingInt((Map.Entry<String, Deque<Target>> e) -> e.getValue().size())
                    .reversed()); // stable: hosts with as many links keep the order they were first cited in
            for (Map.Entry<String, Deque<Target>> host : longestFirst) {
                int lanes = Math.min(perHost, host.getValue().size());
                for (int lane = 0; lane < lanes; lane++) {
                    try {
                        pool.execute(() -> run(host.getValue()));
                    } catch (java.util.concurrent.RejectedExecutionException runAbandoned) {
                        return; // the run was interrupted and the pool shut down: nobody waits for the rest
                    }
                }
            }
        }

        private void run(Deque<Target> queue) {
            // an abandoned run (interrupted, its pool shut down) leaves the rest of the queue alone
            while (!pool.isShutdown() && !Thread.currentThread().isInterrupted()) {
                Target next;
                synchronized (queue) {
                    next = queue.poll();
                }
                if (next == null) {
                    return;
                }
                work.accept(next);
            }
        }
    }

    /** Checks one cited URL now. Never throws: every failure is a result. */
    public LinkResult check(String cited) {
        return check(Target.of(cited));
    }

    private LinkResult check(Target target) {
        Instant now = runtime.clock().instant();
        if (target.url() == null) {
            String scheme = CheckUrls.schemeOf(target.key());
            return new LinkResult(target.key(), LinkStatus.SKIPPED, 0, null,
                    scheme.isEmpty() ? "not an absolute http(s) URL" : scheme + ": links are not checked", 0, now, false);
        }
        Walk walk = new Walk(target.url(), now);
        try {
            return walk.run();
        } catch (FetchException refused) {
            // the address rule at the connection (the name resolved otherwise than when checked): nothing was sent
            return walk.refused(no.kildevakt.text.OneLine.of(refused.reason()));
        } catch (IOException e) {
            return walk.result(Failures.statusOf(e), 0, Failures.describe(e));
        } catch (RuntimeException e) {
            // a bug or a library surprise on one odd response must not cost the whole run its report
            return walk.result(LinkStatus.ERROR, 0, "could not check: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + no.kildevakt.text.OneLine.of(e.getMessage(), 200)));
        }
    }

    /** One link's way through its redirects to a verdict. */
    private final class Walk {
        final HttpUrl start;
        final Instant at;
        final Attempts attempts = new Attempts();
        final PrivateNetworkRule.Origin origin;
        HttpUrl url;
        HttpUrl movedTo;
        int hops;

        Walk(HttpUrl start, Instant at) {
            this.start = start;
            this.url = start;
            this.at = at;
            this.origin = PrivateNetworkRule.Origin.firstConnection(start); // every hop is judged by the cited link's address
        }

        LinkResult run() throws IOException {
            Set<String> seen = new HashSet<>();
            seen.add(cookies.visit(url));
            boolean permanentSoFar = true;
            while (true) {
                Request request = new Request.Builder().url(url).get().tag(Attempts.class, attempts)
                        .tag(PrivateNetworkRule.Origin.class, origin).build();
                try (Response response = client.newCall(request).execute()) {
                    int code = response.code();
                    String location = response.header("Location");
                    if (!isRedirect(code) || location == null) {
                        return judge(response);
                    }
                    HttpUrl next = url.resolve(location.strip());
                    if (next == null) {
                        return result(LinkStatus.BROKEN, code, Failures.statusLine(code) + " to unusable Location \""
                                + no.kildevakt.text.OneLine.of(location, 100) + "\"");
                    }
                    next = next.newBuilder().fragment(null).build();
                    if (hops >= settings.maxRedirects()) {
                        return result(LinkStatus.BROKEN, code, "more than " + settings.maxRedirects() + " redirects");
                    }
                    hops++;
                    if (!seen.add(cookies.visit(next))) {
                        url = next;
                        return result(LinkStatus.BROKEN, code, "redirect loop back to " + next);
                    }
                    Optional<String> refused = addressRule.refusal(origin, next);
                    if (refused.isPresent()) {
                        url = next;
                        return result(LinkStatus.ERROR, code, refused.get() + where());
                    }
                    if (permanentSoFar && (code == 301 || code == 308)) {
                        movedTo = next;
                    } else {
                        permanentSoFar = false;
                    }
                    url = next;
                }
            }
        }

        private LinkResult judge(Response response) {
            int code = response.code();
            byte[] bodyStart = NO_BYTES;
            if (code >= 200 && code < 300 && looksLikeHtml(response.header("Content-Type"))) {
                bodyStart = readStart(response);
            }
            // the wall markers are ASCII, so the undecoded start will do
            Optional<BotChallenge> wall = code >= 200 && code < 300 ? BotChallenge.detect(code, response.headers(), bodyStart)
                    : BotChallenge.detect(code, response.headers(), peekQuietly(response));
            if (wall.isPresent()) {
                return result(LinkStatus.BLOCKED, code, wall.get().description() + ", " + Failures.statusLine(code) + where());
            }
            if (code >= 200 && code < 300) {
                return judgeSuccess(response, code, bodyStart);
            }
            if (code == 401 || code == 403 || code == 429 || code == 999 || code == 451) {
                String after = code == 429 && attempts.sent() > 1 ? " after " + attempts.sent() + " requests" : "";
                return result(LinkStatus.BLOCKED, code, Failures.statusLine(code) + where() + after);
            }
            if (code == 404 || code == 410) {
                return result(LinkStatus.BROKEN, code, Failures.statusLine(code) + where());
            }
            if (code >= 400 && code < 500 && code != 408) {
                return result(LinkStatus.BROKEN, code, Failures.statusLine(code) + where());
            }
            if (isRedirect(code)) {
                return result(LinkStatus.ERROR, code, Failures.statusLine(code) + " without Location" + where());
            }
            String after = attempts.sent() > 1 ? " after " + attempts.sent() + " requests" : "";
            return result(LinkStatus.ERROR, code, Failures.statusLine(code) + where() + after);
        }

        private LinkResult judgeSuccess(Response response, int code, byte[] bodyStart) {
            if (bodyStart.length > 0) {
                String html = CharsetSniffer.decode(bodyStart, response.header("Content-Type")).text();
                Optional<String> soft = SoftNotFound.detect(html);
                if (soft.isPresent()) {
                    return result(LinkStatus.BROKEN, code, "soft 404: " + soft.get() + where());
                }
            }
            if (hops > 0 && isDeep(start) && isHome(url)) {
                return result(LinkStatus.BROKEN, code, "deep link redirected to the home page " + url);
            }
            if (movedTo != null) {
                return new LinkResult(start.toString(), LinkStatus.REDIRECT, code, movedTo.toString(),
                        "moved permanently to " + movedTo, attempts.sent(), at, false);
            }
            return new LinkResult(start.toString(), LinkStatus.OK, code, null, null, attempts.sent(), at, false);
        }

        /** " at URL" when the verdict was reached at another URL than the cited one. */
        private String where() {
            return url.equals(start) ? "" : " at " + url;
        }

        LinkResult result(LinkStatus status, int code, String error) {
            String finalUrl = url.equals(start) ? null : url.toString();
            String cause = error;
            if (code == 0) { // an I/O failure: say where, and how often it was tried
                cause += where();
                if (attempts.sent() > 1) {
                    cause += " after " + attempts.sent() + " requests";
                }
            }
            return new LinkResult(start.toString(), status, code, finalUrl, cause, attempts.sent(), at, false);
        }

        /** An error for a hop the address rule refused; unlike an I/O failure's, its request was never sent. */
        LinkResult refused(String cause) {
            return new LinkResult(start.toString(), LinkStatus.ERROR, 0, url.equals(start) ? null : url.toString(),
                    cause + where(), attempts.sent(), at, false);
        }

        /** The first {@code peekBytes} of the body; a read failure keeps what came. */
        private byte[] readStart(Response response) {
            Buffer buffer = new Buffer();
            try {
                BufferedSource source = response.body().source();
                long remaining = settings.peekBytes();
                while (remaining > 0) {
                    long read = source.read(buffer, remaining);
                    if (read == -1) {
                        break;
                    }
                    remaining -= read;
                }
            } catch (IOException partial) {
                // a 200 that then stalls still answered: judge what arrived
            }
            return buffer.readByteArray();
        }

        private String peekQuietly(Response response) {
            try {
                return response.peekBody(8 * 1024).string();
            } catch (IOException | IllegalStateException unreadable) {
                return "";
            }
        }
    }

    static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    /** HTML or unknown: worth reading the start of. PDFs, images and feeds are settled by their status. */
    private static boolean looksLikeHtml(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.contains("html") || t.startsWith("text/plain");
    }

    /** A link to something below the home page: a path of its own, or a query. */
    static boolean isDeep(HttpUrl url) {
        return url.query() != null || !isHomePath(url);
    }

    /** The site's front page: "/" or a language or index page right below it, without a query. */
    static boolean isHome(HttpUrl url) {
        return url.query() == null && isHomePath(url);
    }

    private static boolean isHomePath(HttpUrl url) {
        List<String> segments = url.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
        return segments.isEmpty() || (segments.size() == 1 && HOME_SEGMENTS.contains(segments.get(0).toLowerCase(Locale.ROOT)));
    }

    /** Releases the worker threads' connections. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
