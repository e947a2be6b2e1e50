package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import no.kildevakt.fetch.FetchException.Kind;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BodyLimitInterceptorTest {
    private MockWebServer server;
    private OkHttpClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new OkHttpClient.Builder().addInterceptor(new BodyLimitInterceptor(100)).build();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void readsUpToTheCap() throws Exception {
        server.enqueue(new MockResponse.Builder().chunkedBody("y".repeat(100), 7).build());
        try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
            assertEquals(100, response.body().bytes().length);
        }
    }

    @Test
    void oneByteOverTheCapFailsWhileReading() throws Exception {
        server.enqueue(new MockResponse.Builder().chunkedBody("y".repeat(101), 7).build());
        try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
            FetchException e = assertThrows(FetchException.class, () -> response.body().bytes());
            assertEquals(Kind.TOO_LARGE, e.kind());
            assertEquals(200, e.httpStatus());
        }
    }

    @Test
    void declaredLengthOverTheCapFailsBeforeTheBody() {
        server.enqueue(new MockResponse.Builder().body("y".repeat(101)).build());
        FetchException e = assertThrows(FetchException.class,
                () -> client.newCall(new Request.Builder().url(server.url("/")).build()).execute());
        assertEquals(Kind.TOO_LARGE, e.kind());
    }

    @Test
    void anEnormousCapDoesNotOverflow() throws Exception {
        server.enqueue(new MockResponse.Builder().chunkedBody("y".repeat(1000), 100).build());
        OkHttpClient unlimited = new OkHttpClient.Builder().addInterceptor(new BodyLimitInterceptor(Long.MAX_VALUE)).build();
        try (Response response = unlimited.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
            assertEquals(1000, response.body().bytes().length);
        }
    }

    @Test
    void headIsNotJudgedByContentLength() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Length", "1000000").build());
        try (Response response = client.newCall(new Request.Builder().url(server.url("/")).head().build()).execute()) {
            assertEquals(200, response.code());
        }
    }
}
