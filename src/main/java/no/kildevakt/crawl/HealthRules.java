package no.kildevakt.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.store.Outcome;
import no.kildevakt.store.SourceState;

/**
 * How a source's stored state is judged and worded: its health word and the warnings an editor is
 * shown. One definition for {@code kildevakt sources}, the review page's sources view and the
 * warnings a crawl prints, so the three never disagree about a source; the store only keeps the
 * facts ({@link SourceState}).
 */
public final class HealthRules {
    /** Without a success for this long, a source that does not fail is {@code stale}. */
    static final Duration STALE_AFTER = Duration.ofDays(7);

    private HealthRules() {}

    /**
     * A health word for a source: {@code never} crawled, {@code failing} (failed rounds in a
     * row), {@code unreachable} (failed while the network looked down), {@code quiet} (no
     * items where it used to have some), {@code stale} (no success for a week), else the last
     * outcome ({@code ok}, {@code not_modified}).
     */
    public static String health(SourceState s, Instant now) {
        if (s.lastAttempt() == null) {
            return "never";
        }
        if (s.consecutiveFailures() > 0) {
            return "failing";
        }
        if (s.lastOutcome() != null && s.lastOutcome().isFailure()) {
            // failed while the whole network looked down: not held against the source
            return "unreachable";
        }
        if (wentQuiet(s)) {
            return "quiet";
        }
        if (s.lastSuccess() != null && s.lastSuccess().isBefore(now.minus(STALE_AFTER))) {
            return "stale";
        }
        return s.lastOutcome() == null ? "ok" : s.lastOutcome().code();
    }

    /** Whether the source yielded no items last time, though it has yielded some before: its layout or URL may have changed. */
    public static boolean wentQuiet(SourceState s) {
        return s.lastOutcome() == Outcome.EMPTY && s.itemsEver() > 0;
    }

    /** The warning for a source that {@linkplain #wentQuiet went quiet}, or null when it did not. */
    public static String quietWarning(SourceState s) {
        return wentQuiet(s)
                ? "yielded no items, though it has yielded up to " + s.itemsEver() + " before; its layout or URL may have changed"
                : null;
    }

    /** The warning for a source whose URL answered with a permanent redirect. */
    public static String movedWarning(String movedTo) {
        return "has moved permanently to " + movedTo + "; update feeds.yml";
    }

    /**
     * Every warning about a source that does not fail, one line each: it went quiet, it moved,
     * and the warnings its last round kept ({@link SourceState#roundWarnings()}).
     */
    public static List<String> warnings(SourceState s) {
        List<String> all = new ArrayList<>();
        if (wentQuiet(s)) {
            all.add(quietWarning(s));
        }
        if (s.movedTo() != null) {
            all.add(movedWarning(s.movedTo()));
        }
        all.addAll(s.roundWarnings());
        return all;
    }

    /**
     * Why the editor should look at this source although it does not fail, or null: it went
     * quiet, it moved, or its last round had warnings (all of them, joined by "; ").
     */
    public static String warning(SourceState s) {
        List<String> all = warnings(s);
        return all.isEmpty() ? null : String.join("; ", all);
    }
}
