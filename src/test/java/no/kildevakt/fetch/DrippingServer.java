package no.kildevakt.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that answers every request with its status line at once and then
 * its headers one byte at a time, never finishing them: each byte arrives well within any read
 * timeout, so only a deadline on the whole attempt stops a client. MockWebServer can delay the
 * headers but not drip them, hence a raw socket.
 *
 * <p>Public for the link checker's tests, which face the same server.
 */
public final class DrippingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Duration every;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dripping-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();

    /** Starts serving at once; drips a header byte every {@code every}. */
    public DrippingServer(Duration every) throws IOException {
        this.every = every;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** Requests whose head was read so far (each retry is one). */
    public int requestCount() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.execute(() -> drip(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void drip(Socket client) {
        try (client) {
            readRequestHead(client.getInputStream());
            requests.incrementAndGet();
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] header = "X-Drip: ".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; !socket.isClosed(); i++) {
                out.write(i < header.length ? header[i] : 'a');
                out.flush();
                Thread.sleep(every.toMillis());
            }
        } catch (IOException | InterruptedException gone) {
            // the client gave up, or the server is closing
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
