package no.kildevakt.review.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns refusals and failures into responses: an {@link HttpError} into its status with the
 * renderer's page (JSON for the API, HTML for people), anything else into a 500 whose message is
 * logged, not shown (it may name files or SQL).
 */
public final class ErrorPages implements Filter {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    /** Renders an error for the request that caused it. */
    @FunctionalInterface
    public interface Renderer {
        Response render(Request request, int status, String message);
    }

    private final Renderer renderer;

    public ErrorPages(Renderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public Response filter(Request request, Handler next) {
        try {
            return next.handle(request);
        } catch (HttpError e) {
            Response r = renderer.render(request, e.status(), e.getMessage());
            if (e.allow() != null) {
                r.header("Allow", e.allow());
            }
            return r;
        } catch (Exception | StackOverflowError e) {
            log.error("{} {} failed: {}", request.method(), request.path(), no.kildevakt.text.OneLine.of(String.valueOf(e)), e);
            return renderer.render(request, 500, "internal error: " + e.getClass().getSimpleName());
        }
    }
}
