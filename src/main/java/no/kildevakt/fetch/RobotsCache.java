package no.kildevakt.fetch;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import no.kildevakt.fetch.FetchException.Kind;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The robots.txt rules of each origin (scheme, host, port), fetched once and kept for a day, as
 * RFC 9309 allows. Fetches go through the same client as everything else, so they carry our
 * User-Agent, follow redirects and wait their turn at the host like any request.
 *
 * <p>Outcomes, following RFC 9309 and crawler-commons' {@code failedFetch}: 2xx → parsed rules;
 * 4xx → everything allowed; 5xx or unreachable → nothing allowed "for now", remembered only
 * {@link #FAILURE_TTL} so a host that recovers is not shunned for a day. Concurrent callers for one
 * origin wait for a single fetch. Answers of the first two kinds are also kept in a
 * {@link RobotsArchive}, so the next run within a day asks the site nothing.
 */
final class RobotsCache {
    static final Duration SUCCESS_TTL = Duration.ofHours(24);
    static final Duration FAILURE_TTL = Duration.ofMinutes(10);
    static final long MAX_ROBOTS_BYTES = 512 * 1024;
    static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);
    static final int MAX_HOSTS = 10_000;

    /** Marks a robots.txt request so the robots interceptor lets it through unchecked. */
    enum RobotsFetch { TAG }

    /**
     * What we know about one origin.
     *
     * @param rules       the rules to apply
     * @param failureKind when robots.txt could not be read: the kind to report for a refused URL
     * @param failure     when robots.txt could not be read: why, as a short cause; else null
     * @param retryAfter  when the site asked us to come back later (429 on robots.txt); else null
     */
    record HostRobots(BaseRobotRules rules, Kind failureKind, String failure, Duration retryAfter) {
        HostRobots(BaseRobotRules rules, Kind failureKind, String failure) {
            this(rules, failureKind, failure, null);
        }

        Duration ttl() {
            return failure == null ? SUCCESS_TTL : FAILURE_TTL;
        }

        /** The Crawl-delay asked for, capped at {@link #MAX_CRAWL_DELAY}; zero when none. */
        Duration crawlDelay() {
            long millis = rules.getCrawlDelay();
            if (millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis <= 0) {
                return Duration.ZERO;
            }
            return Duration.ofMillis(Math.min(millis, MAX_CRAWL_DELAY.toMillis()));
        }
    }

    private final Supplier<Call.Factory> http;
    private final String robotName;
    private final AsyncCache<String, HostRobots> cache;
    private final RobotsArchive archive;
    private final Clock clock;

    /**
     * @param http      the client to fetch with; a supplier because the client that uses this cache
     *                  in an interceptor is built after it
     * @param userAgent our User-Agent; its product token ("kildevakt") is the name matched in robots.txt
     * @param archive   answers kept from earlier runs
     * @param clock     decides whether an archived answer is still fresh
     */
    RobotsCache(Supplier<Call.Factory> http, String userAgent, Ticker ticker, RobotsArchive archive, Clock clock) {
        this.http = http;
        this.robotName = productToken(userAgent);
        this.archive = archive;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                // upkeep on the calling thread: with the default (the common fork-join pool) the first
                // requests to fifty hosts, all at once on two cores, spun on Caffeine's full write
                // buffer while the pool's thread waited for a core (1% of a first crawl's CPU)
                .executor(Runnable::run)
                .maximumSize(MAX_HOSTS)
                .expireAfter(Expiry.<String, HostRobots>creating((origin, robots) -> robots.ttl()))
                .ticker(ticker)
                .buildAsync();
    }

    /** "kildevakt/1.0 (+https://...)" → "kildevakt": the token robots.txt groups are matched against. */
    static String productToken(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
        return token.isEmpty() ? "*" : token;
    }

    static String originKey(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }

    /** The rules for {@code url}'s origin, fetching robots.txt when they are not cached. */
    HostRobots rulesFor(HttpUrl url) throws IOException {
        String origin = originKey(url);
        CompletableFuture<HostRobots> mine = new CompletableFuture<>();
        CompletableFuture<HostRobots> cached = cache.get(origin, (key, executor) -> mine);
        if (cached == mine) {
            try {
                mine.complete(load(url));
            } catch (IOException | RuntimeException | Error e) {
                mine.completeExceptionally(e); // Caffeine drops failed futures: the next caller tries again
                throw e;
            }
        }
        try {
            return cached.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for robots.txt of " + origin);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("robots.txt of " + origin + ": " + e.getCause(), e.getCause());
        }
    }

    /** The Crawl-delay of {@code url}'s origin if its robots.txt is already known; zero otherwise. */
    Duration knownCrawlDelay(HttpUrl url) {
        CompletableFuture<HostRobots> known = cache.getIfPresent(originKey(url));
        if (known == null || !known.isDone() || known.isCompletedExceptionally()) {
            return Duration.ZERO;
        }
        return known.join().crawlDelay();
    }

    private HostRobots load(HttpUrl url) throws IOException {
        HttpUrl robotsUrl = url.newBuilder().encodedPath("/robots.txt").query(null).fragment(null)
                .username("").password("").build();
        String origin = originKey(url);
        Optional<RobotsArchive.Entry> archived = archive.load(origin)
                .filter(e -> e.fetchedAt().plus(SUCCESS_TTL).isAfter(clock.instant()));
        if (archived.isPresent()) {
            return fromAnswer(robotsUrl, archived.get());
        }
        Request request = new Request.Builder().url(robotsUrl).tag(RobotsFetch.class, RobotsFetch.TAG).build();
        SimpleRobotRulesParser parser = newParser();
        try (Response response = http.get().newCall(request).execute()) {
            int code = response.code();
            if (code == 429) {
                // "too many requests" says nothing about the rules, only "not now": treat it
                // like an unavailable robots.txt, as Google does, and pass the wait on
                Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock).orElse(null);
                return new HostRobots(parser.failedFetch(503), Kind.BLOCKED,
                        "robots.txt answered " + FetchFailures.statusLine(code, response.message())
                                + ", so the site is off limits for now", retryAfter);
            }
            boolean rules = code >= 200 && code < 300;
            boolean noRobotsTxt = code >= 400 && code < 500;
            if (rules || noRobotsTxt) {
                byte[] content = rules ? readAtMost(response.body().source(), MAX_ROBOTS_BYTES) : new byte[0];
                RobotsArchive.Entry answer = new RobotsArchive.Entry(code, response.header("Content-Type"), content, clock.instant());
                archive.save(origin, answer);
                return fromAnswer(robotsUrl, answer);
            }
            return new HostRobots(parser.failedFetch(code), Kind.ROBOTS_DISALLOWED,
                    "robots.txt unavailable (" + FetchFailures.statusLine(code, response.message())
                            + "), so the site is off limits for now");
        } catch (FetchException e) {
            if (e.kind() == Kind.TOO_MANY_REDIRECTS || e.kind() == Kind.REDIRECT_LOOP) {
                // RFC 9309 §2.3.1.2: beyond the redirect limit, treat robots.txt as unavailable (4xx)
                return new HostRobots(parser.failedFetch(404), null, null);
            }
            return unreachable(parser, e);
        } catch (InterruptedIOException e) {
            if (!FetchFailures.isTimeout(e)) {
                throw e; // our thread was interrupted: nothing learned about the host, cache nothing
            }
            return unreachable(parser, e);
        } catch (IOException e) {
            return unreachable(parser, e);
        }
    }

    /** The rules a 2xx or 4xx answer gives: parsed rules, or "no robots.txt, all allowed". */
    private HostRobots fromAnswer(HttpUrl robotsUrl, RobotsArchive.Entry answer) {
        SimpleRobotRulesParser parser = newParser();
        if (answer.status() >= 400) {
            return new HostRobots(parser.failedFetch(answer.status()), null, null);
        }
        String contentType = answer.contentType() == null ? "text/plain" : answer.contentType();
        return new HostRobots(parser.parseContent(robotsUrl.toString(), answer.body(), contentType, List.of(robotName)), null, null);
    }

    private static HostRobots unreachable(SimpleRobotRulesParser parser, IOException e) {
        Kind kind = FetchFailures.kindOf(e);
        String cause = e instanceof FetchException ? e.getMessage() : FetchFailures.describe(e);
        return new HostRobots(parser.failedFetch(503), kind == Kind.IO ? Kind.ROBOTS_DISALLOWED : kind,
                "robots.txt unreachable: " + cause);
    }

    /**
     * A fresh parser per file (it counts warnings in a field, so it is not thread-safe). No Crawl-delay
     * ceiling in the parser — it would turn a long delay into "disallow all"; we cap the delay instead.
     */
    static SimpleRobotRulesParser newParser() {
        return new SimpleRobotRulesParser(Long.MAX_VALUE, SimpleRobotRulesParser.DEFAULT_MAX_WARNINGS);
    }

    /** Reads at most {@code limit} bytes; the rest is ignored, as Google does past 500 KiB. */
    private static byte[] readAtMost(BufferedSource source, long limit) throws IOException {
        Buffer buffer = new Buffer();
        while (buffer.size() < limit) {
            if (source.read(buffer, limit - buffer.size()) == -1) {
                break;
            }
        }
        return buffer.readByteArray();
    }

    /** Chooses the body of the exception when {@code url} may not be fetched; empty when it may. */
    Optional<String> refusal(HostRobots robots, HttpUrl url) {
        if (robots.rules().isAllowed(url.toString())) {
            return Optional.empty();
        }
        return Optional.of(robots.failure() != null ? robots.failure()
                : "robots.txt disallows " + url.encodedPath() + " for " + robotName);
    }
}
