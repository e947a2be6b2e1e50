package no.kildevakt.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kildevakt.review.http.HttpError;
import no.kildevakt.review.http.Request;
import no.kildevakt.review.http.Response;

/**
 * The page's stylesheet, script and icon, served from the jar (no CDN, no build step). A fixed list
 * read at start: no path from a request ever reaches the class loader. Each has an ETag; the
 * browser revalidates ({@code no-cache}), and the pages link them with a version so a new jar is
 * picked up at once.
 */
final class StaticFiles {
    private record File(String contentType, byte[] bytes, String etag) {}

    private final Map<String, File> files = new LinkedHashMap<>();
    private final String version;

    StaticFiles() {
        add("app.css", "text/css; charset=utf-8");
        add("common.js", "text/javascript; charset=utf-8");
        add("app.js", "text/javascript; charset=utf-8");
        add("draft.js", "text/javascript; charset=utf-8");
        add("icon.svg", "image/svg+xml");
        add("pages.css", "text/css; charset=utf-8");
        add("sources.js", "text/javascript; charset=utf-8");
        version = files.values().stream().map(f -> f.etag().substring(1, 9)).reduce("", String::concat).substring(0, 12);
    }

    private void add(String name, String contentType) {
        String resource = "static/" + name;
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + "\"";
            files.put(name, new File(contentType, bytes, etag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short hash of every file, for {@code ?v=} in links. */
    String version() {
        return version;
    }

    Response serve(Request request) {
        File file = files.get(request.pathParam("name"));
        if (file == null) {
            throw HttpError.notFound("no static file " + request.pathParam("name"));
        }
        if (request.header("If-None-Match").map(file.etag()::equals).orElse(false)) {
            return Response.notModified().header("ETag", file.etag()).header("Cache-Control", "no-cache");
        }
        return Response.of(200, file.contentType(), file.bytes()).header("ETag", file.etag()).header("Cache-Control", "no-cache");
    }
}
