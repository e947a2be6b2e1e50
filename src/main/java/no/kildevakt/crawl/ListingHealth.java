package no.kildevakt.crawl;

import java.util.List;
import java.util.Optional;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.item.Item;

/**
 * Signs that a scraped listing ({@code type: html} or {@code json}) no longer reads as it did,
 * though the round itself worked. A feed announces its structure; a listing is read by
 * selectors or paths that a redesign silently breaks, and the first symptom is items without
 * the fields the selectors used to find. Each check gives at most one warning line; a listing
 * that yields nothing at all is already flagged by the crawler for every source type.
 */
final class ListingHealth {

    /** Above this share of undated items a listing "mostly lacks dates". */
    static final double UNDATED_SHARE = 0.5;

    /** One check: a warning line, or empty when the listing looks fine. */
    @FunctionalInterface
    interface Check {
        Optional<String> apply(SourceConfig source, List<Item> items, List<String> readerWarnings);
    }

    /** Every check, in the order their warnings are shown. */
    static final List<Check> CHECKS = List.of(ListingHealth::mostlyUndated);

    private ListingHealth() {}

    /** The warnings for one round's items (before enrichment: the listing's own state is what is judged). */
    static List<String> warnings(SourceConfig source, List<Item> items, List<String> readerWarnings) {
        if (source.type() == SourceType.FEED || items.isEmpty()) {
            return List.of();
        }
        return CHECKS.stream().map(c -> c.apply(source, items, readerWarnings)).flatMap(Optional::stream).toList();
    }

    /**
     * More than half the items have no date, though the source is set up to find dates: a
     * {@code date} selector or path, automatic detection (which looks for dated lists), or dates
     * from URLs. Not said twice when the reader already warned that no item shows a date.
     */
    static Optional<String> mostlyUndated(SourceConfig source, List<Item> items, List<String> readerWarnings) {
        boolean datesExpected = source.select().containsKey("date") || source.dateFromUrl()
                || (source.type() == SourceType.HTML && source.select().isEmpty());
        if (!datesExpected) {
            return Optional.empty();
        }
        long undated = items.stream().filter(i -> i.published() == null).count();
        if (undated <= items.size() * UNDATED_SHARE) {
            return Optional.empty();
        }
        if (readerWarnings.stream().anyMatch(w -> w.startsWith("no item shows a date"))) {
            return Optional.empty();
        }
        return Optional.of(undated + " of " + items.size() + " items have no date; the listing's layout may have changed"
                + " (check select.date" + (source.dateFromUrl() ? " and the links' date format" : "") + ")");
    }
}
