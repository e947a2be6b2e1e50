package no.kildevakt.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import no.kildevakt.review.http.AccessToken;
import no.kildevakt.review.http.CsrfGuard;
import no.kildevakt.review.http.ErrorPages;
import no.kildevakt.review.http.Filter;
import no.kildevakt.review.http.Handler;
import no.kildevakt.review.http.HostCheck;
import no.kildevakt.review.http.ReadOnlyGuard;
import no.kildevakt.review.http.Response;
import no.kildevakt.review.http.Router;
import no.kildevakt.review.http.SecurityHeaders;
import no.kildevakt.review.http.WebServer;

/**
 * {@code kildevakt serve}: the editors' review page and its API on the JDK's HTTP server.
 *
 * <p>Every request passes, in this order: {@link SecurityHeaders} (CSP and friends on every answer),
 * {@link ErrorPages} (refusals rendered as JSON for the API, as a page for people), the {@link HostCheck}
 * (one Host header; on loopback also its name, against DNS rebinding), the {@link AccessToken} (any
 * other address than loopback),
 * then the {@link CsrfGuard} for writes, the {@link ReadOnlyGuard} when the database may only be read,
 * then the {@link Router}.
 */
public final class ReviewServer implements AutoCloseable {
    /** Largest request body taken: a decision with a note, or an edit, is a few kilobytes at most. */
    public static final int MAX_BODY = 64 * 1024;

    /**
     * Requests handled at once. Generous: a thread waiting on a slow client is cheap, and with a few
     * the server was stopped by as many unfinished requests (each also bounded by the I/O timeout).
     */
    private static final int THREADS = 64;

    private final WebServer server;
    private final String csrfToken;
    private final URI uri;

    private ReviewServer(WebServer server, String csrfToken, URI uri) {
        this.server = server;
        this.csrfToken = csrfToken;
        this.uri = uri;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException when the address cannot be bound (port in use, address not on this machine)
     */
    public static ReviewServer start(ServeOptions options, Review review) throws IOException {
        Templates templates = new Templates();
        StaticFiles statics = new StaticFiles();
        ObjectMapper json = new ObjectMapper();
        String csrf = newToken();

        WebServer server = WebServer.bind(new InetSocketAddress(options.bind(), options.port()), THREADS, options.ioTimeout());
        int port = server.address().getPort();
        Pages pages = new Pages(review, options.lang(), templates, csrf, statics.version());
        Api api = new Api(review, json);
        DraftApi draftApi = new DraftApi(review, api, json);

        Router router = new Router()
                .get("/", pages::review)
                .get("/draft", pages::draft)
                .get("/draft.md", r -> pages.draftFile(r, DraftFormat.MD))
                .get("/draft.html", r -> pages.draftFile(r, DraftFormat.HTML))
                .get("/draft.docx", r -> pages.draftFile(r, DraftFormat.DOCX))
                .get("/sources", pages::sources)
                .get("/links", pages::links)
                .get("/static/{name}", statics::serve)
                .get("/api/items", api::items)
                .get("/api/items/{id}", api::item)
                .post("/api/items/{id}/decision", api::decide)
                .post("/api/items/{id}/edit", api::edit)
                .post("/api/sources/{id}/crawl", api::recrawl)
                .post("/api/draft/move", draftApi::move)
                .post("/api/draft/order", draftApi::order)
                .post("/api/draft/entries", draftApi::add)
                .post("/api/draft/entries/{id}", draftApi::update)
                .post("/api/draft/entries/{id}/delete", draftApi::remove)
                .post("/api/draft/groups", draftApi::nameGroup);

        ErrorPages.Renderer errors = (request, status, message) -> request.isApi()
                ? Response.json(status, errorJson(api, status, message))
                : pages.error(status, message);
        List<Filter> filters = new ArrayList<>();
        filters.add(new SecurityHeaders());
        filters.add(new ErrorPages(errors));
        if (options.needsAccessToken()) {
            filters.add(HostCheck.anyName());
            filters.add(new AccessToken(options.accessToken().orElseThrow()));
        } else {
            filters.add(new HostCheck(options.loopbackNames(), port));
        }
        filters.add(new CsrfGuard(csrf));
        if (options.readOnly()) {
            filters.add(new ReadOnlyGuard(options.lang().label("readOnly")));
        }
        Handler chain = Filter.chain(filters, router);

        server.start(chain, MAX_BODY, errors);
        URI uri = URI.create("http://" + ServeOptions.hostLiteral(server.address().getAddress()) + ":" + port + "/");
        return new ReviewServer(server, csrf, uri);
    }

    private static String errorJson(Api api, int status, String message) {
        ObjectNode o = api.error(message);
        o.put("status", status);
        return o.toString();
    }

    /** 256 random bits, URL-safe: the write token of this process, gone when it ends. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return uri;
    }

    /** The port bound (useful with port 0). */
    public int port() {
        return server.address().getPort();
    }

    /** The token writes must carry in {@value CsrfGuard#HEADER} (the pages embed it). */
    public String csrfToken() {
        return csrfToken;
    }

    @Override
    public void close() {
        server.close();
    }
}
