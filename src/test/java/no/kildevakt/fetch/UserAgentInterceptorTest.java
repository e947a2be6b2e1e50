package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class UserAgentInterceptorTest {

    @Test
    void replacesAnyUserAgentWithOurs() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("x").build());
            OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new UserAgentInterceptor("kildevakt/9 (+x)")).build();

            Request request = new Request.Builder().url(server.url("/")).header("User-Agent", "okhttp/5").build();
            try (Response response = client.newCall(request).execute()) {
                assertEquals(200, response.code());
            }

            assertEquals("kildevakt/9 (+x)", server.takeRequest().getHeaders().get("User-Agent"));
        }
    }

    @Test
    void setsAClientsOwnHeadersAfterTheUserAgent() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("x").build());
            OkHttpClient client = new OkHttpClient.Builder()
                    .addInterceptor(new UserAgentInterceptor("kildevakt/9 (+x)", Headers.of("Accept-Language", "nb")))
                    .build();

            Request request = new Request.Builder().url(server.url("/")).header("Accept-Language", "en").build();
            try (Response response = client.newCall(request).execute()) {
                assertEquals(200, response.code());
            }

            var headers = server.takeRequest().getHeaders();
            assertEquals("kildevakt/9 (+x)", headers.get("User-Agent"));
            assertEquals("nb", headers.get("Accept-Language"));
        }
    }
}
