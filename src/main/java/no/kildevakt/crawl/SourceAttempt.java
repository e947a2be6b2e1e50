package no.kildevakt.crawl;

import java.util.Map;
import no.kildevakt.text.OneLine;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchRequest;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.read.SourceReadException;
import no.kildevakt.read.SourceReader;
import no.kildevakt.store.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fetch and read of one source, storing nothing: what a crawl round and {@code kildevakt try}
 * both start with, so that both read a source the same way and word a failure the same way
 * ({@code "reg-jd: https://…: not RSS, Atom or JSON Feed …"}).
 *
 * @param source   the source as it was read (its type perhaps {@linkplain TypeChoice chosen} from the answer)
 * @param response the answer, or null when there was none (the fetch failed, or no reader could read the type)
 * @param reading  what the read step made of the answer, or null when the attempt failed
 * @param failure  the outcome of a failed attempt, or null when it worked
 * @param error    a failed attempt's one line, starting with the source's id; null when it worked
 * @param fetchFailure why the fetch failed (its status, its Retry-After), or null
 * @param <R>      what the read step gives
 */
public record SourceAttempt<R>(SourceConfig source, FetchResponse response, R reading, Outcome failure, String error,
        FetchException fetchFailure) {
    /** The crawler's logger: these lines were always the crawl's, and log settings name it. */
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    /** Whether it failed; then {@link #error()} says why in one line. */
    public boolean failed() {
        return failure != null;
    }

    /**
     * The type a source is read as, given its answer: a configured source is read as configured; a
     * bare URL ({@code try URL}) is read as whatever its answer turns out to be.
     */
    @FunctionalInterface
    public interface TypeChoice {
        TypeChoice AS_CONFIGURED = (source, response) -> source;

        /** @throws Refused when the answer is one kildevakt will not read as any type */
        SourceConfig choose(SourceConfig source, FetchResponse response) throws Refused;
    }

    /** The answer cannot be read without more configuration; the message says what to do. */
    public static final class Refused extends Exception {
        /** @param message one line, said after the source's id */
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads an answer with the reader for the source's type; {@link SourceReader#read} unless a caller wants more of a reader. */
    @FunctionalInterface
    public interface ReadStep<R> {
        R read(SourceReader reader, SourceConfig source, FetchResponse response) throws SourceReadException;
    }

    /**
     * The request for {@code source}'s own answer: asked for as what will read it (a feed, a page,
     * JSON), so a server that negotiates answers with that.
     */
    static FetchRequest request(SourceConfig source, Map<SourceType, SourceReader> readers) {
        SourceReader reader = readers.get(source.type());
        return FetchRequest.of(source.url()).withAccept(reader == null ? null : reader.accept());
    }

    /**
     * Fetches {@code request} and reads the answer. Whatever goes wrong, down to an {@link Error} in
     * a reader, is this source's failed attempt, never an exception: one source must not cost a
     * crawl the others.
     */
    static <R> SourceAttempt<R> run(SourceConfig source, FetchRequest request, Fetch fetch,
            Map<SourceType, SourceReader> readers, TypeChoice choice, ReadStep<R> read) {
        if (!readers.containsKey(source.type())) {
            return unsupported(source);
        }
        FetchResponse response = null;
        try {
            try {
                response = fetch.fetch(request);
            } catch (FetchException e) {
                return new SourceAttempt<>(source, null, null, Crawler.outcomeOf(e.kind()),
                        source.id() + ": " + OneLine.of(e.getMessage()), e);
            }
            SourceConfig chosen;
            try {
                chosen = choice.choose(source, response);
            } catch (Refused e) {
                return failed(source, response, source.id() + ": " + e.getMessage());
            }
            SourceReader reader = readers.get(chosen.type());
            if (reader == null) {
                return unsupported(chosen);
            }
            try {
                return new SourceAttempt<>(chosen, response, read.read(reader, chosen, response), null, null, null);
            } catch (SourceReadException e) {
                return failed(chosen, response, chosen.id() + ": " + chosen.url() + ": " + OneLine.of(e.getMessage()));
            }
        } catch (OutOfMemoryError e) {
            // a huge or pathologically nested page; its garbage is freed once this attempt is dropped
            String error = source.id() + ": " + source.url() + ": out of memory while " + (response == null ? "fetching" : "parsing")
                    + " (page too large or too deeply nested)";
            log.warn(error);
            return failed(source, response, error);
        } catch (StackOverflowError e) {
            String error = source.id() + ": " + source.url() + ": too deeply nested to parse (stack overflow)";
            log.warn(error);
            return failed(source, response, error);
        } catch (RuntimeException | Error e) {
            // a bug in a reader must cost this source its round, not the whole crawl
            return failed(source, response, unexpected(source, e));
        }
    }

    /** The one line for something no reader should throw; logged with its stack trace. */
    static String unexpected(SourceConfig source, Throwable e) {
        log.warn("{}: unexpected error", source.id(), e);
        return source.id() + ": " + source.url() + ": unexpected error: " + OneLine.of(String.valueOf(e));
    }

    private static <R> SourceAttempt<R> unsupported(SourceConfig source) {
        return failed(source, null, source.id() + ": sources of type " + source.type().yamlName()
                + " are not supported by this version of kildevakt");
    }

    private static <R> SourceAttempt<R> failed(SourceConfig source, FetchResponse response, String error) {
        return new SourceAttempt<>(source, response, null, Outcome.PARSE_ERROR, error, null);
    }
}
