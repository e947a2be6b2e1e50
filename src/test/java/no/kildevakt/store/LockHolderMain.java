package no.kildevakt.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A separate process for the crawl-lock tests. {@code hold DB}: takes the lock, prints
 * "locked" (or "busy") and sleeps until killed. {@code probe DB}: tries once, prints
 * "acquired" or "held", and exits.
 */
public final class LockHolderMain {
    private LockHolderMain() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path db = Path.of(args[1]);
        Optional<CrawlLock> lock = CrawlLock.tryAcquire(db);
        if (mode.equals("probe")) {
            System.out.println(lock.isPresent() ? "acquired" : "held");
            lock.ifPresent(CrawlLock::close);
            return;
        }
        System.out.println(lock.isPresent() ? "locked" : "busy");
        System.out.flush();
        Thread.sleep(120_000); // killed by the test long before this
    }
}
