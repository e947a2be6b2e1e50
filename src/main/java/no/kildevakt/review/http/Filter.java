package no.kildevakt.review.http;

/**
 * One concern wrapped around the handlers (security headers, host check, access token, CSRF), in the
 * manner of OkHttp interceptors: each filter sees the request, may refuse it or pass it on with
 * {@code next}, and may change the response on the way out. Composing them keeps every check in one
 * small class instead of an if-chain in each handler.
 */
@FunctionalInterface
public interface Filter {
    Response filter(Request request, Handler next) throws Exception;

    /** {@code handler} wrapped in {@code filters}, the first one outermost. */
    static Handler chain(java.util.List<Filter> filters, Handler handler) {
        Handler h = handler;
        for (int i = filters.size() - 1; i >= 0; i--) {
            Filter f = filters.get(i);
            Handler next = h;
            h = request -> f.filter(request, next);
        }
        return h;
    }
}
