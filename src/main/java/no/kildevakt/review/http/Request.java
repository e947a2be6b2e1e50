package no.kildevakt.review.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the handlers see it: method, decoded path, query parameters, headers
 * (case-insensitive) and a body read on demand within the server's size limit. Path parameters
 * ({@code {id}} in a route) are added by the {@link Router}.
 */
public final class Request {
    /** Reads the body when first asked; throws {@link HttpError} 413 past the limit. */
    @FunctionalInterface
    public interface BodyReader {
        byte[] read() throws java.io.IOException;
    }

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final BodyReader bodyReader;
    private final Map<String, String> pathParams;
    private byte[] body;

    public Request(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
            BodyReader bodyReader) {
        this(method, path, query, caseInsensitive(headers), bodyReader, Map.of());
    }

    private Request(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
            BodyReader bodyReader, Map<String, String> pathParams) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.bodyReader = bodyReader;
        this.pathParams = pathParams;
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                map.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v);
            }
        });
        return Collections.unmodifiableMap(map);
    }

    /** The same request with the route's path parameters. */
    Request withPathParams(Map<String, String> params) {
        Request r = new Request(method, path, query, headers, bodyReader, Map.copyOf(params));
        r.body = body;
        return r;
    }

    public String method() {
        return method;
    }

    /** The percent-decoded path, e.g. {@code /api/items/12/decision}. */
    public String path() {
        return path;
    }

    /** Whether the request asks for the API (and so wants JSON errors). */
    public boolean isApi() {
        return path.startsWith("/api/");
    }

    /** Whether the method may change state (anything but GET, HEAD and OPTIONS). */
    public boolean isUnsafe() {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** The first value of a query parameter; empty when absent or blank. */
    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0).strip());
    }

    public Map<String, List<String>> query() {
        return query;
    }

    /** A path parameter of the matched route; the router guarantees it is there. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return value;
    }

    /** The first value of a header, or empty. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** Every value of a header (possibly none). */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** A cookie sent with the request, or empty. */
    public Optional<String> cookie(String name) {
        for (String line : headers("Cookie")) {
            for (String pair : line.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).strip());
                }
            }
        }
        return Optional.empty();
    }

    /** The body's bytes, read once. */
    public byte[] body() throws java.io.IOException {
        if (body == null) {
            body = bodyReader.read();
        }
        return body;
    }

    /** The body as UTF-8 text; malformed UTF-8 is a 400, not a string of replacement characters. */
    public String bodyText() throws java.io.IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpError.badRequest("the request body is not UTF-8");
        }
    }

    /** Query parameters parsed from a raw query string; a malformed escape is a 400. */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /**
     * Percent-decodes a path or query part as UTF-8; {@code +} is a space only in queries. A malformed
     * escape or bytes that are not UTF-8 are a 400, not replacement characters in a search.
     */
    public static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0) {
            return plusIsSpace ? raw.replace('+', ' ') : raw;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw HttpError.badRequest("malformed percent-escape in \"" + raw + "\"");
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpError.badRequest("\"" + raw + "\" does not decode to UTF-8");
        }
    }
}
