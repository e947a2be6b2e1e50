package no.kildevakt.read.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kildevakt.item.Item;
import no.kildevakt.read.SourceReadException;
import org.junit.jupiter.api.Test;

/**
 * Auto-detection on the hand-made pages of every listing structure in SOURCES.md, each with a
 * header menu, breadcrumbs, a "most read" sidebar of dated links, share buttons, a cookie
 * banner and a footer full of links. Accuracy is per expected item: title, link and date all
 * exact.
 */
class ListingDetectorFixturesTest {
    @Test
    void findsTheListingOnEveryFixtureWithoutSelectors() throws SourceReadException {
        HtmlListingReader reader = Fixtures.reader(Set.of());
        int expected = 0;
        int exact = 0;
        List<String> misses = new ArrayList<>();
        for (Fixtures.Fixture f : Fixtures.all()) {
            HtmlListingReader.Listing listing = reader.readListing(
                    Fixtures.source(f.id(), f.url(), "norske", Map.of(), f.dateFromUrl(), 1), f.response());
            for (Fixtures.Expected e : f.items()) {
                expected++;
                Item match = listing.items().stream().filter(i -> i.url().equals(e.url())).findFirst().orElse(null);
                if (match != null && match.title().equals(e.title()) && e.date().equals(Fixtures.day(match))) {
                    exact++;
                } else {
                    misses.add(f.id() + ": " + e + " got " + (match == null ? "nothing" : match.title() + " " + Fixtures.day(match)));
                }
            }
            int extra = listing.items().size() - f.items().size();
            if (extra > 0) {
                misses.add(f.id() + ": " + extra + " items too many: " + listing.items().stream().map(Item::title).toList());
                exact -= extra; // a wrong extra item costs as much as a missed one
            }
            System.out.printf("  %-22s %s%n", f.id(), listing.selectors().map(ListingSelectors::asMap).orElse(Map.of()));
        }
        double accuracy = (double) exact / expected;
        System.out.printf("auto-detection on %d fixture pages: %d of %d items exact (title+link+date) = %.1f%%%n",
                Fixtures.all().size(), exact, expected, 100 * accuracy);
        misses.forEach(m -> System.out.println("  miss " + m));
        assertTrue(accuracy >= 0.9, "accuracy " + accuracy + " below 90%: " + misses);
    }
}
