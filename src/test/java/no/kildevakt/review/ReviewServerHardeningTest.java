package no.kildevakt.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kildevakt.digest.Candidates;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review server against clients that do not play along: requests left unfinished (which once
 * held all four of its threads, so four open sockets stopped it for everyone, before any token was
 * checked), Host headers that are empty or given twice, and a database it may only read.
 */
class ReviewServerHardeningTest {
    private static final String TOKEN = "correct-horse-battery-staple";

    @TempDir
    Path dir;

    private ReviewFixture fixture;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ReviewFixture(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        fixture.close();
    }

    private ReviewServer start(ServeOptions options) throws IOException {
        fixture.server = ReviewServer.start(options, fixture.review());
        return fixture.server;
    }

    private static ServeOptions loopback() {
        return new ServeOptions(InetAddress.getLoopbackAddress(), 0, Lang.NB, Optional.empty());
    }

    /** Opens {@code n} connections that each send the start of a request and then nothing. */
    private void stall(ReviewServer server, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
            sockets.add(s);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: local".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        }
    }

    /** A page asked for in the ordinary way, with a short patience. */
    private static HttpResponse<String> getWithin(ReviewServer server, Duration patience) throws Exception {
        Http http = new Http(server);
        return http.client.send(http.request("/").timeout(patience).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code head} (request line and headers, without the blank line) over a plain socket; the answer's status line. */
    private static String raw(ReviewServer server, String head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(buffer);
            String answer = buffer.toString(StandardCharsets.UTF_8);
            return answer.lines().findFirst().orElse("");
        }
    }

    // ---------------------------------------------------------------- unfinished requests

    @Test
    void fortyUnfinishedRequestsDoNotStopTheServer() throws Exception {
        ReviewServer server = start(loopback());
        stall(server, 40);
        Thread.sleep(200); // let the server take them up first
        assertEquals(200, getWithin(server, Duration.ofSeconds(2)).statusCode());
    }

    @Test
    void aClientThatDoesNotFinishItsHeadersIsCutOffAtTheDeadline() throws Exception {
        ReviewServer server = start(loopback().withIoTimeout(Duration.ofMillis(300)));
        // more than the server has threads: only the deadline frees them
        stall(server, 100);
        Thread.sleep(200);
        assertEquals(200, getWithin(server, Duration.ofSeconds(3)).statusCode());
        Socket first = sockets.get(0);
        first.setSoTimeout(3000);
        InputStream in = first.getInputStream();
        try {
            assertEquals(-1, in.read(), "the server closes the connection");
        } catch (SocketException reset) {
            // closed with a reset: as good
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the unfinished request still holds its connection after 3 s", e);
        }
    }

    // ---------------------------------------------------------------- Host

    @Test
    void anEmptyOrSecondHostHeaderIsABadRequest() throws Exception {
        ReviewServer server = start(loopback());
        String good = "Host: localhost:" + server.port() + "\r\n";
        assertTrue(raw(server, "GET / HTTP/1.1\r\n" + good).startsWith("HTTP/1.1 200"));
        assertTrue(raw(server, "GET / HTTP/1.1\r\nHost:\r\n").startsWith("HTTP/1.1 400"));
        assertTrue(raw(server, "GET / HTTP/1.1\r\nHost:   \r\n").startsWith("HTTP/1.1 400"));
        assertTrue(raw(server, "GET / HTTP/1.1\r\n" + good + "Host: evil.example\r\n").startsWith("HTTP/1.1 400"));
        assertTrue(raw(server, "GET / HTTP/1.1\r\n" + good + good).startsWith("HTTP/1.1 400"));
        assertTrue(raw(server, "GET /api/items HTTP/1.1\r\n" + good + "Host: evil.example\r\n").startsWith("HTTP/1.1 400"));
    }

    @Test
    void withAnAccessTokenTooTheHostMustBeOneAndNotEmpty() throws Exception {
        ReviewServer server = start(new ServeOptions(InetAddress.getByName("0.0.0.0"), 0, Lang.NB, Optional.of(TOKEN)));
        String auth = "Authorization: Bearer " + TOKEN + "\r\n";
        assertTrue(raw(server, "GET /api/items HTTP/1.1\r\nHost: kildevakt.lan\r\n" + auth).startsWith("HTTP/1.1 200"));
        assertTrue(raw(server, "GET /api/items HTTP/1.1\r\nHost:\r\n" + auth).startsWith("HTTP/1.1 400"));
        assertTrue(raw(server, "GET /api/items HTTP/1.1\r\nHost: a.lan\r\nHost: b.lan\r\n" + auth).startsWith("HTTP/1.1 400"));
    }

    // ---------------------------------------------------------------- a database it may only read

    @Test
    void onAReadOnlyDatabaseThePagesWorkAndWritesAreRefusedWithTheReason() throws Exception {
        long id = fixture.id("jd-1");
        try (Store readOnly = Store.openReadOnly(dir.resolve("k.db"))) {
            List<String> recrawled = new ArrayList<>();
            Review review = new Review(fixture.config, readOnly, new Candidates(fixture.config, ReviewFixture.RELEVANCE),
                    sourceId -> {
                        recrawled.add(sourceId);
                        throw new AssertionError("no re-crawl into a read-only database");
                    }, (state, now) -> "ok", LinkReports.none(), fixture.clock);
            fixture.server = ReviewServer.start(loopback().withReadOnly(true), review);
            Http http = new Http(fixture.server);
            assertEquals(200, http.get("/?period=2025-Q1").statusCode());
            assertEquals(200, http.get("/api/items?period=2025-Q1").statusCode());

            HttpResponse<String> decide = http.post("/api/items/" + id + "/decision", "{\"decision\":\"accepted\"}");
            assertEquals(403, decide.statusCode(), decide.body());
            assertTrue(decide.body().contains("Databasen er skrivebeskyttet"), decide.body());
            assertEquals(403, http.post("/api/items/" + id + "/edit", "{\"title\":\"x\"}").statusCode());
            assertEquals(403, http.post("/api/sources/reg-jd/crawl", "{}").statusCode());
            assertEquals(List.of(), recrawled);
            assertEquals("new", fixture.stored("jd-1").status().code());
        }
    }
}
