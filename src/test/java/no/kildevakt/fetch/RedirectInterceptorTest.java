package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.kildevakt.fetch.FetchException.Kind;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The redirect interceptor alone on a client whose own redirect following is off. */
class RedirectInterceptorTest {
    private MockWebServer server;
    private MockWebServer other;
    private OkHttpClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        other = new MockWebServer();
        other.start();
        RunCookieJar cookies = new RunCookieJar();
        client = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false).cookieJar(cookies)
                .addInterceptor(new RedirectInterceptor(3, new PrivateNetworkRule(okhttp3.Dns.SYSTEM, AddressScope::of), cookies)).build();
    }

    @AfterEach
    void tearDown() {
        server.close();
        other.close();
    }

    private static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).setHeader("Location", location).build();
    }

    private static Request post(okhttp3.HttpUrl url) {
        return new Request.Builder().url(url).post(RequestBody.create("a=1", MediaType.get("application/x-www-form-urlencoded"))).build();
    }

    @Test
    void seeOtherTurnsPostIntoGet() throws Exception {
        server.enqueue(redirect(303, "/result"));
        server.enqueue(new MockResponse.Builder().body("done").build());

        try (Response response = client.newCall(post(server.url("/form"))).execute()) {
            assertEquals("done", response.body().string());
        }
        assertEquals("POST", server.takeRequest().getMethod());
        RecordedRequest followed = server.takeRequest();
        assertEquals("GET", followed.getMethod());
        assertEquals(0, followed.getBodySize());
    }

    @Test
    void temporaryRedirectKeepsMethodAndBody() throws Exception {
        server.enqueue(redirect(307, "/again"));
        server.enqueue(new MockResponse.Builder().body("done").build());

        try (Response response = client.newCall(post(server.url("/form"))).execute()) {
            assertEquals(200, response.code());
        }
        server.takeRequest();
        RecordedRequest followed = server.takeRequest();
        assertEquals("POST", followed.getMethod());
        assertEquals("a=1", followed.getBody().utf8());
    }

    @Test
    void credentialsAreNotCarriedToAnotherOrigin() throws Exception {
        server.enqueue(redirect(302, other.url("/x").toString()));
        other.enqueue(new MockResponse.Builder().body("there").build());

        Request request = new Request.Builder().url(server.url("/")).header("Authorization", "Basic c2VjcmV0")
                .header("If-None-Match", "\"v1\"").build();
        try (Response response = client.newCall(request).execute()) {
            assertEquals(other.url("/x"), response.request().url());
        }
        RecordedRequest atOther = other.takeRequest();
        assertNull(atOther.getHeaders().get("Authorization"));
        assertEquals("\"v1\"", atOther.getHeaders().get("If-None-Match"), "validators still apply");
    }

    @Test
    void redirectWithoutLocationIsHandedBack() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).build());
        try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
            assertEquals(302, response.code());
        }
    }

    @Test
    void recordsMovedToOnlyForLeadingPermanentHops() throws Exception {
        server.enqueue(redirect(308, "/b"));
        server.enqueue(redirect(307, "/c"));
        server.enqueue(new MockResponse.Builder().body("done").build());

        Call call = client.newCall(new Request.Builder().url(server.url("/a")).build());
        try (Response response = call.execute()) {
            assertEquals(server.url("/c"), response.request().url());
        }
        assertEquals(server.url("/b"), FetchTrace.of(call).movedTo());
    }

    @Test
    void selfRedirectIsALoop() {
        server.enqueue(redirect(301, "/a"));
        FetchException e = assertThrows(FetchException.class,
                () -> client.newCall(new Request.Builder().url(server.url("/a")).build()).execute());
        assertEquals(Kind.REDIRECT_LOOP, e.kind());
        assertEquals(server.url("/a").uri(), e.url());
    }

    @Test
    void unusableLocationIsIo() {
        server.enqueue(redirect(302, "mailto:someone@example.test"));
        FetchException e = assertThrows(FetchException.class,
                () -> client.newCall(new Request.Builder().url(server.url("/a")).build()).execute());
        assertEquals(Kind.IO, e.kind());
    }
}
