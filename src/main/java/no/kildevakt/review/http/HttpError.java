package no.kildevakt.review.http;

/**
 * A request that cannot be answered as asked, with the status that says why. Handlers throw it
 * instead of building error responses themselves, so every refusal (400, 403, 404, 405, 413, ...)
 * is rendered in one place, with the same security headers as any other response.
 */
public final class HttpError extends RuntimeException {
    private final int status;
    private final String allow;

    public HttpError(int status, String message) {
        this(status, message, null);
    }

    private HttpError(int status, String message, String allow) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.allow = allow;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    public static HttpError forbidden(String message) {
        return new HttpError(403, message);
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    /** 405 with the methods the resource does answer, for the {@code Allow} header. */
    public static HttpError methodNotAllowed(String method, String allow) {
        return new HttpError(405, method + " is not allowed here; use " + allow, allow);
    }

    public int status() {
        return status;
    }

    /** The {@code Allow} header value of a 405, or null. */
    public String allow() {
        return allow;
    }
}
