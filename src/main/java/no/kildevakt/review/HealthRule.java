package no.kildevakt.review;

import java.time.Instant;
import no.kildevakt.store.SourceState;

/**
 * The health word of a source ({@code never}, {@code failing}, {@code unreachable}, {@code quiet},
 * {@code stale}, {@code ok}, ...): {@link no.kildevakt.crawl.HealthRules#health} when served, so
 * the sources view and {@code kildevakt sources} judge a source by one rule; given from outside so
 * a test can fix the word without a clock.
 */
@FunctionalInterface
public interface HealthRule {
    String health(SourceState state, Instant now);
}
