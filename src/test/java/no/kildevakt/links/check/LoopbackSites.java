package no.kildevakt.links.check;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.fetch.Sleeper;
import no.kildevakt.fetch.StandInInternet;
import okhttp3.Dns;

/**
 * A MockWebServer with routes by path, any number of made-up host names that all resolve to it
 * (so "different sites" need no real DNS), and a recording sleeper so retries cost no time.
 */
final class LoopbackSites implements AutoCloseable {
    static final String USER_AGENT = "kildevakt/0.0-test (+https://example.test/contact)";

    final MockWebServer server = new MockWebServer();
    final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile long latencyMillis;

    LoopbackSites() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requests.add(request);
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    if (latencyMillis > 0) {
                        Thread.sleep(latencyMillis);
                    }
                    String key = request.getUrl().host() + request.getUrl().encodedPath();
                    Function<RecordedRequest, MockResponse> route = routes.getOrDefault(key, routes.get(request.getUrl().encodedPath()));
                    return route == null ? new MockResponse.Builder().code(404).body("no route").build() : route.apply(request);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.start();
    }

    /** http://HOST:port/path on this server; HOST is any name ending in .test (loopback) or .example (public). */
    String url(String host, String path) {
        return "http://" + host + ":" + server.getPort() + path;
    }

    String url(String path) {
        return url("site.test", path);
    }

    void route(String path, Function<RecordedRequest, MockResponse> response) {
        routes.put(path, response);
    }

    void route(String path, MockResponse response) {
        routes.put(path, r -> response);
    }

    /** A route for one host only: "other.test/path". */
    void route(String host, String path, MockResponse response) {
        routes.put(host + path, r -> response);
    }

    static MockResponse html(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8").body(body).build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("status " + code).build();
    }

    static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).addHeader("Location", location).build();
    }

    static final String PAGE = "<!doctype html><html><head><title>Handlingsplan mot menneskehandel</title></head>"
            + "<body><h1>Handlingsplan mot menneskehandel</h1><p>Regjeringen legger fram en ny plan.</p></body></html>";

    int requestsTo(String path) {
        return (int) requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).count();
    }

    /**
     * .test names resolve to loopback, .invalid names to nothing; .example names resolve to loopback
     * too but stand for sites on the internet, which {@link #runtime()} calls public (see StandInInternet).
     */
    static final Dns DNS = StandInInternet.DNS;

    CheckSettings settings() {
        return new CheckSettings(USER_AGENT, Duration.ofMillis(1500), 8, 2, Duration.ZERO, 2, 5, CheckSettings.DEFAULT_PEEK_BYTES);
    }

    CheckRuntime runtime() {
        return CheckRuntime.defaults().withSleeper(sleeper).withRandom(new MaxRandom()).withDns(DNS)
                .withAddressScope(StandInInternet.SCOPE);
    }

    LinkChecker checker() {
        return new LinkChecker(settings(), runtime());
    }

    LinkChecker checker(CheckSettings settings) {
        return new LinkChecker(settings, runtime());
    }

    @Override
    public void close() {
        server.close();
    }

    /** Records every requested wait and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    /** Always the top of the range, so backoff is its ceiling and tests are exact. */
    static final class MaxRandom implements RandomGenerator {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    }
}
