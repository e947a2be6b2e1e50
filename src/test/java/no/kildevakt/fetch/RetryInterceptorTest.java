package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryInterceptorTest {
    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
    private MockWebServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private RetryInterceptor retry(int retries, RandomGenerator random) {
        return new RetryInterceptor(retries, Duration.ofSeconds(10), sleeper, random, Clock.systemUTC());
    }

    private OkHttpClient client(Interceptor... interceptors) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder().retryOnConnectionFailure(false);
        for (Interceptor i : interceptors) {
            builder.addInterceptor(i);
        }
        return builder.build();
    }

    @Test
    void backoffCeilingDoublesFromOneSecondUpToThirty() {
        RetryInterceptor max = retry(10, new TestSupport.MaxRandom());
        assertEquals(Duration.ofSeconds(1), max.backoff(0));
        assertEquals(Duration.ofSeconds(2), max.backoff(1));
        assertEquals(Duration.ofSeconds(16), max.backoff(4));
        assertEquals(Duration.ofSeconds(30), max.backoff(5));
        assertEquals(Duration.ofSeconds(30), max.backoff(63), "no overflow for huge retry counts");
    }

    @Test
    void fullJitterCanBeZero() {
        RandomGenerator min = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };
        assertEquals(Duration.ZERO, retry(3, min).backoff(4));
    }

    @Test
    void retriesDroppedConnections() throws Exception {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().body("ok").build());

        try (Response response = client(retry(2, new TestSupport.MaxRandom()))
                .newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
            assertEquals("ok", response.body().string());
        }
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits);
    }

    @Test
    void doesNotRetryUnknownHosts() {
        Interceptor noDns = chain -> {
            throw new UnknownHostException("nowhere.test");
        };
        assertThrows(UnknownHostException.class, () -> client(retry(2, new TestSupport.MaxRandom()), noDns)
                .newCall(new Request.Builder().url(server.url("/")).build()).execute());
        assertTrue(sleeper.waits.isEmpty());
    }

    @Test
    void doesNotRetryPost() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        Request post = new Request.Builder().url(server.url("/"))
                .post(RequestBody.create("x", MediaType.get("text/plain"))).build();
        try (Response response = client(retry(2, new TestSupport.MaxRandom())).newCall(post).execute()) {
            assertEquals(503, response.code());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void givesUpAfterTheLastRetryAndHandsBackTheResponse() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(504).build());
        }
        okhttp3.Call call = client(retry(2, new TestSupport.MaxRandom())).newCall(new Request.Builder().url(server.url("/")).build());
        try (Response response = call.execute()) {
            assertEquals(504, response.code());
        }
        assertEquals(3, FetchTrace.of(call).requestsSent());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.waits);
    }

    @Test
    void notFoundIsNotRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).build());
        try (Response response = client(retry(2, new TestSupport.MaxRandom()))
                .newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
            assertEquals(404, response.code());
        }
        assertEquals(1, server.getRequestCount());
    }
}
