package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import no.kildevakt.fetch.FetchException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FetchFailuresTest {

    @ParameterizedTest
    @CsvSource({"401,BLOCKED", "403,BLOCKED", "429,BLOCKED", "999,BLOCKED", "404,GONE", "410,GONE",
            "400,CLIENT_ERROR", "451,CLIENT_ERROR", "500,SERVER_ERROR", "503,SERVER_ERROR", "302,IO"})
    void statusKinds(int status, Kind kind) {
        assertEquals(kind, FetchFailures.kindForStatus(status));
    }

    @Test
    void exceptionKinds() {
        assertEquals(Kind.UNKNOWN_HOST, FetchFailures.kindOf(new UnknownHostException("x.invalid")));
        assertEquals(Kind.TIMEOUT, FetchFailures.kindOf(new SocketTimeoutException("Read timed out")));
        assertEquals(Kind.TIMEOUT, FetchFailures.kindOf(new InterruptedIOException("timeout")));
        assertEquals(Kind.IO, FetchFailures.kindOf(new InterruptedIOException("interrupted")));
        assertEquals(Kind.CONNECTION_FAILED, FetchFailures.kindOf(new ConnectException("Connection refused")));
        assertEquals(Kind.CONNECTION_FAILED, FetchFailures.kindOf(new SocketException("Connection reset")));
        assertEquals(Kind.TLS, FetchFailures.kindOf(new SSLHandshakeException("PKIX path building failed")));
        assertEquals(Kind.IO, FetchFailures.kindOf(new EOFException("source exhausted prematurely")));
        assertEquals(Kind.GONE, FetchFailures.kindOf(new FetchException(Kind.GONE, URI.create("http://x/"), "x")));
    }

    @Test
    void retryable() {
        assertTrue(FetchFailures.isRetryable(new SocketTimeoutException("Read timed out")));
        assertTrue(FetchFailures.isRetryable(new ConnectException("refused")));
        assertTrue(FetchFailures.isRetryable(new SocketException("Connection reset")));
        assertTrue(FetchFailures.isRetryable(new IOException("unexpected end of stream on http://x/...")));
        assertFalse(FetchFailures.isRetryable(new UnknownHostException("x")));
        assertFalse(FetchFailures.isRetryable(new SSLHandshakeException("bad cert")));
        assertFalse(FetchFailures.isRetryable(new InterruptedIOException("interrupted")));
        assertFalse(FetchFailures.isRetryable(new FetchException(Kind.TOO_LARGE, URI.create("http://x/"), "x")));
    }

    @Test
    void messagesAreOneLine() {
        FetchException e = FetchFailures.fromIOException(URI.create("https://x/feed"),
                new IOException("line one\nline two"), 3);
        assertEquals("https://x/feed: IOException: line one line two after 3 attempts", e.getMessage());
        assertEquals("https://x/feed: unknown host x.invalid",
                FetchFailures.fromIOException(URI.create("https://x/feed"),
                        new UnknownHostException("x.invalid: Name or service not known"), 1).getMessage());
    }

    @Test
    void statusLinesUseStandardReasons() {
        assertEquals("HTTP 503 Service Unavailable", FetchFailures.statusLine(503, "Server Error"));
        assertEquals("HTTP 599 Odd", FetchFailures.statusLine(599, "Odd"));
        assertEquals("HTTP 599", FetchFailures.statusLine(599, ""));
    }

    @Test
    void sizes() {
        assertEquals("10 MB", FetchFailures.size(10L * 1024 * 1024));
        assertEquals("512 KB", FetchFailures.size(512 * 1024));
        assertEquals("1000 bytes", FetchFailures.size(1000));
    }
}
