package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import no.kildevakt.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server open to the network demands its access token of every request, and will not start without one. */
class AccessTokenTest {
    private static final String TOKEN = "correct-horse-battery-staple";

    @TempDir
    Path dir;

    @Test
    void aNonLoopbackBindWithoutATokenIsRefused() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ServeOptions(any, 8080, Lang.NB, Optional.empty()));
        assertTrue(e.getMessage().contains("KILDEVAKT_SERVE_TOKEN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ServeOptions(any, 8080, Lang.NB, Optional.of("short")));
        assertThrows(IllegalArgumentException.class, () -> new ServeOptions(any, 8080, Lang.NB, Optional.of("has a space in it ok")));
        // loopback needs none
        new ServeOptions(InetAddress.getLoopbackAddress(), 8080, Lang.NB, Optional.empty());
    }

    @Test
    void theCommandRefusesToStartOpenToTheNetworkWithExit2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Terminal terminal = new Main.Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false);
        int code = Main.run(new String[] {"--config", dir.resolve("none.yml").toString(), "serve", "--bind", "0.0.0.0", "--port", "0"},
                terminal);
        assertEquals(2, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("kildevakt serve: refusing to serve on 0.0.0.0 without an access token"), message);
        assertEquals(1, message.strip().lines().count(), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));

        err.reset();
        assertEquals(2, Main.run(new String[] {"serve", "--lang", "de"}, terminal));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown language \"de\""), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, Main.run(new String[] {"serve", "--port", "70000"}, terminal));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port must be 0..65535"));
    }

    @Test
    void everyRequestMustPresentTheTokenByCookieOrHeader() throws Exception {
        try (ReviewFixture fixture = new ReviewFixture(dir)) {
            fixture.server = ReviewServer.start(new ServeOptions(InetAddress.getByName("0.0.0.0"), 0, Lang.NB, Optional.of(TOKEN)),
                    fixture.review());
            URI base = URI.create("http://127.0.0.1:" + fixture.server.port() + "/");
            Http http = new Http(fixture.server);
            var client = http.client;
            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, anonymous.statusCode());
            assertTrue(org.jsoup.Jsoup.parse(anonymous.body()).text().contains("?token="), anonymous.body());
            assertEquals(403, client.send(HttpRequest.newBuilder(base.resolve("/static/app.js")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(403, client.send(HttpRequest.newBuilder(base.resolve("/api/items")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(403, client.send(HttpRequest.newBuilder(base.resolve("/?token=wrong-wrong-wrong-wrong")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            // the login link sets the cookie and sends the browser on without the token in the address
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(base.resolve("/draft?period=2025-Q1&token=" + TOKEN)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, login.statusCode());
            assertEquals("/draft?period=2025-Q1", login.headers().firstValue("Location").orElse(""));
            String cookie = login.headers().firstValue("Set-Cookie").orElse("");
            assertTrue(cookie.startsWith("kildevakt_access=" + TOKEN + ";"), cookie);
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);

            assertEquals(200, client.send(HttpRequest.newBuilder(base.resolve("/draft"))
                    .header("Cookie", "kildevakt_access=" + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, client.send(HttpRequest.newBuilder(base.resolve("/api/items"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(403, client.send(HttpRequest.newBuilder(base.resolve("/api/items"))
                    .header("Authorization", "Bearer x" + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            // a write needs the CSRF token as well as the access token
            String decision = "/api/items/" + fixture.id("jd-1") + "/decision";
            HttpRequest.Builder write = HttpRequest.newBuilder(base.resolve(decision)).header("Cookie", "kildevakt_access=" + TOKEN)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"accepted\"}"));
            assertEquals(403, client.send(write.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, client.send(write.header("X-Kildevakt-Token", fixture.server.csrfToken()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            // any Host is fine here: the token, not the name, is the guard
            assertTrue(http.rawGet("/", "kildevakt.lan:" + fixture.server.port()).startsWith("HTTP/1.1 403"));
        }
    }
}
