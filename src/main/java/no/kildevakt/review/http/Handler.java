package no.kildevakt.review.http;

/** Answers one request. Throws {@link HttpError} to refuse it; anything else unexpected becomes a 500. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws Exception;
}
