package no.kildevakt.links.check;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request tag counting the HTTP requests one link check sends — every redirect hop and every
 * retry — so the report and the benchmark can show requests per link, the figure that says
 * whether the checker is as frugal as promised (target: 1.2 on average).
 */
final class Attempts {
    private final AtomicInteger sent = new AtomicInteger();

    void count() {
        sent.incrementAndGet();
    }

    int sent() {
        return sent.get();
    }
}
