package no.kildevakt.review;

import java.time.Instant;
import no.kildevakt.store.SourceState;

/**
 * The health word of a source ({@code never}, {@code failing}, {@code unreachable}, {@code quiet},
 * {@code stale}, {@code ok}, ...). Given from outside so the sources view and {@code kildevakt
 * sources} judge a source by one rule.
 */
@FunctionalInterface
public interface HealthRule {
    String health(SourceState state, Instant now);
}
