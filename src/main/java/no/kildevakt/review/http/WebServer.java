package no.kildevakt.review.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's {@link HttpServer} behind a {@link Handler}: it turns each exchange into a
 * {@link Request} (decoded path and query, body read within a limit) and writes the
 * {@link Response} back. The JDK server is enough for one editor's browser on loopback; this class
 * is the only one that knows it is there.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    /** How much of a refused body is read and dropped before the connection is closed instead. */
    private static final long DRAIN_LIMIT = 1 << 20;

    private final HttpServer server;
    private final IoDeadlines deadlines;

    private WebServer(HttpServer server, IoDeadlines deadlines) {
        this.server = server;
        this.deadlines = deadlines;
    }

    /**
     * Binds (port 0 picks a free one) without serving yet, so the caller can learn the port before it
     * builds the handler chain that checks it.
     *
     * @param threads   how many requests are handled at once
     * @param ioTimeout how long a client may take to send a request's headers, to send its body, and
     *                  to take the answer; past it the connection is closed (see {@link IoDeadlines})
     * @throws IOException when the address cannot be bound (in use, not local, no permission)
     */
    public static WebServer bind(InetSocketAddress address, int threads, Duration ioTimeout) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        IoDeadlines deadlines = new IoDeadlines(threads, ioTimeout);
        server.setExecutor(deadlines);
        return new WebServer(server, deadlines);
    }

    /** The address actually bound (with the real port). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Starts answering every path with {@code handler}; request bodies past {@code maxBody} bytes are a 413. */
    public void start(Handler handler, int maxBody, ErrorPages.Renderer fallback) {
        server.createContext("/", exchange -> serve(exchange, handler, maxBody, fallback));
        server.start();
    }

    private void serve(HttpExchange exchange, Handler handler, int maxBody, ErrorPages.Renderer fallback) {
        try (exchange) {
            try {
                deadlines.disarm(); // the headers are in: what follows is the server's own work
            } catch (IOException tooSlow) {
                log.debug("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), tooSlow.getMessage());
                return;
            }
            Request request = null;
            Response response;
            try {
                String rawPath = exchange.getRequestURI().getRawPath();
                request = new Request(exchange.getRequestMethod(),
                        rawPath == null || rawPath.isEmpty() ? "/" : Request.decode(rawPath, false),
                        Request.parseQuery(exchange.getRequestURI().getRawQuery()),
                        exchange.getRequestHeaders(), () -> readBody(exchange, maxBody));
                response = handler.handle(request);
            } catch (HttpError e) {
                // a malformed request line or query, before the chain could render it
                Request r = request != null ? request
                        : new Request(exchange.getRequestMethod(), "/", Map.of(), exchange.getRequestHeaders(), () -> new byte[0]);
                response = new SecurityHeaders().filter(r, x -> fallback.render(x, e.status(), e.getMessage()));
            }
            // armed to the end of the exchange: closing it drains a body the handler did not read
            deadlines.arm();
            write(exchange, response);
        } catch (IOException e) {
            // the client went away or was too slow: nothing wrong here
            log.debug("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), no.kildevakt.text.OneLine.of(String.valueOf(e)));
        } catch (Exception e) {
            log.warn("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), no.kildevakt.text.OneLine.of(String.valueOf(e)));
        }
    }

    /**
     * The request body, or a 413 past {@code maxBody}. A refused body is still read (and dropped) up
     * to a bound, so the client, which is usually still sending, gets the 413 instead of a reset
     * connection; past the bound the connection is simply closed.
     */
    private byte[] readBody(HttpExchange exchange, int maxBody) throws IOException {
        deadlines.arm();
        try {
            return readBodyNow(exchange, maxBody);
        } finally {
            deadlines.disarm();
        }
    }

    private static byte[] readBodyNow(HttpExchange exchange, int maxBody) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Content-Length is not a number");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while (declared <= maxBody && (n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBody) {
                    break;
                }
            }
            if (declared > maxBody || out.size() > maxBody) {
                long dropped = 0;
                while (dropped < DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
                    dropped += n;
                }
                exchange.getResponseHeaders().set("Connection", "close");
                throw new HttpError(413, "request body over " + maxBody + " bytes");
            }
            return out.toByteArray();
        }
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || response.status() == 204 || response.status() == 304;
        if (noBody) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops accepting and stops the threads; a request still running is cut off (decisions are single transactions). */
    @Override
    public void close() {
        server.stop(0);
        deadlines.close();
    }
}
