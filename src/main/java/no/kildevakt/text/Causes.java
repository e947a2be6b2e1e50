package no.kildevakt.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An exception and its causes, for the messages that must name the one that matters: "the disk is
 * full" under a driver's "Error opening connection", a certificate problem under a mail library's
 * "Could not convert socket to TLS". One walk, for every place that asks, that ends even where the
 * causes form a cycle ({@link Throwable#initCause} refuses only an exception as its own cause).
 */
public final class Causes {
    private Causes() {
    }

    /** {@code e} and its causes, outermost first, each once. */
    public static List<Throwable> of(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The outermost of {@code e} and its causes that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        return of(e).stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
