package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The host is held from sending until the body is done with, and released on every path. */
class HostLimitInterceptorTest {
    private MockWebServer server;
    private OkHttpClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new OkHttpClient.Builder().addInterceptor(new HostLimitInterceptor(1, url -> Duration.ZERO)).build();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private Request get(String path) {
        return new Request.Builder().url(server.url(path)).build();
    }

    private CompletableFuture<Integer> inBackground(OkHttpClient c, String path) {
        return CompletableFuture.supplyAsync(() -> {
            try (Response r = c.newCall(get(path)).execute()) {
                return r.code();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void hostIsHeldUntilTheBodyIsClosed() throws Exception {
        server.enqueue(new MockResponse.Builder().body("first").build());
        server.enqueue(new MockResponse.Builder().body("second").build());

        Response first = client.newCall(get("/1")).execute();
        CompletableFuture<Integer> second = inBackground(client, "/2");
        assertThrows(TimeoutException.class, () -> second.get(200, TimeUnit.MILLISECONDS));
        assertEquals(1, server.getRequestCount());

        first.close();
        assertEquals(200, second.get(5, TimeUnit.SECONDS));
    }

    @Test
    void readingTheBodyToTheEndReleasesWithoutClose() throws Exception {
        server.enqueue(new MockResponse.Builder().body("first").build());
        server.enqueue(new MockResponse.Builder().body("second").build());

        Response first = client.newCall(get("/1")).execute();
        assertEquals("first", first.body().source().readUtf8()); // exhausted, not yet closed
        assertEquals(200, inBackground(client, "/2").get(5, TimeUnit.SECONDS));
        first.close();
    }

    @Test
    void aFailedRequestReleasesTheHost() throws Exception {
        Interceptor failOnce = new Interceptor() {
            private boolean failed;

            @Override
            public Response intercept(Chain chain) throws IOException {
                if (!failed) {
                    failed = true;
                    throw new IOException("boom");
                }
                return chain.proceed(chain.request());
            }
        };
        OkHttpClient failing = client.newBuilder().addInterceptor(failOnce).build();
        server.enqueue(new MockResponse.Builder().body("ok").build());

        ExecutionException first = assertThrows(ExecutionException.class, () -> inBackground(failing, "/1").get(5, TimeUnit.SECONDS));
        assertTrue(first.getCause().getCause().getMessage().contains("boom"));
        assertEquals(200, inBackground(failing, "/2").get(5, TimeUnit.SECONDS));
    }

    @Test
    void closingTwiceReleasesOnce() throws Exception {
        OkHttpClient c = new OkHttpClient.Builder().addInterceptor(new HostLimitInterceptor(1, url -> Duration.ZERO)).build();
        server.enqueue(new MockResponse.Builder().body("a").build());
        server.enqueue(new MockResponse.Builder().body("b").build());
        Response first = c.newCall(get("/1")).execute();
        first.body().string(); // exhausts and closes
        first.close();

        Response second = c.newCall(get("/2")).execute(); // holds the host now
        CompletableFuture<Integer> third = inBackground(c, "/3");
        assertFalse(third.isDone());
        assertThrows(TimeoutException.class, () -> third.get(200, TimeUnit.MILLISECONDS),
                "a double release from the first response must not have freed the host for a second holder");
        second.close();
        server.enqueue(new MockResponse.Builder().body("c").build());
        third.get(5, TimeUnit.SECONDS);
    }
}
