package no.kildevakt.review.http;

/**
 * Refuses every write (403, with the reason) when the server may only read its database. Without it a
 * decision reached the database and failed there, which the editor saw as a bare 500; with it the
 * page says why, and nothing after it (a re-crawl that would take the crawl lock) is tried.
 */
public final class ReadOnlyGuard implements Filter {
    private final String message;

    /** @param message what the editor is told, in the page's language */
    public ReadOnlyGuard(String message) {
        this.message = message;
    }

    @Override
    public Response filter(Request request, Handler next) throws Exception {
        if (request.isUnsafe()) {
            throw HttpError.forbidden(message);
        }
        return next.handle(request);
    }
}
