package no.kildevakt.review.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: status, headers and the whole body. Pages and JSON here are small, so
 * the body is built in memory and sent with its length; filters may add headers on the way out.
 */
public final class Response {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    private Response(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    public static Response of(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body);
    }

    public static Response html(String html) {
        return html(200, html);
    }

    public static Response html(int status, String html) {
        return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static Response json(String json) {
        return json(200, json);
    }

    public static Response json(int status, String json) {
        return new Response(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    public static Response text(int status, String text) {
        return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other: after a login the browser loads {@code location} with GET. */
    public static Response seeOther(String location) {
        return new Response(303, null, new byte[0]).header("Location", location);
    }

    /** 304 Not Modified, no body. */
    public static Response notModified() {
        return new Response(304, null, new byte[0]);
    }

    /** Sets a header, replacing an earlier value. */
    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sets a header unless the handler already set it. */
    public Response headerIfAbsent(String name, String value) {
        headers.putIfAbsent(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return java.util.Collections.unmodifiableMap(headers);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public byte[] body() {
        return body;
    }
}
