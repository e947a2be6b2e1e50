package no.kildevakt.review;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.kildevakt.digest.DigestEntry;
import no.kildevakt.store.ReviewStatus;

/**
 * The review page's filters: section, source, status and free text. The text matches when every
 * word of it occurs in the item's title, summary (as crawled or edited), note, source or URL,
 * regardless of case and combining accents ({@code sami} finds {@code Sámi}).
 *
 * @param section null for every section
 * @param source  null for every source
 * @param status  null for every status
 * @param text    null for no text search
 */
public record ItemFilter(String section, String source, ReviewStatus status, String text) {
    public static final ItemFilter NONE = new ItemFilter(null, null, null, null);

    /**
     * The filter a request asks for, its status given as the word of a query parameter.
     *
     * @param status null for every status, else exactly new, accepted or rejected
     * @throws IllegalArgumentException when the status is another word
     */
    public static ItemFilter of(String section, String source, String status, String text) {
        ReviewStatus s = status == null ? null : ReviewStatus.find(status).orElseThrow(() -> new IllegalArgumentException(
                "status must be new, accepted or rejected, got \"" + status + "\""));
        return new ItemFilter(section, source, s, text);
    }

    public boolean matches(DigestEntry c) {
        var i = c.item();
        if (section != null && !section.equals(c.section())) {
            return false;
        }
        if (source != null && !i.sources().contains(source) && !source.equals(i.source())) {
            return false;
        }
        if (status != null && status != i.status()) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String haystack = fold(Stream.of(i.title(), i.summary(), i.editedTitle(), i.editedSummary(), i.note(), i.source(), c.source(), i.url())
                .filter(s -> s != null)
                .collect(Collectors.joining(" \u0000 ")));
        return words(text).stream().allMatch(haystack::contains);
    }

    /** Whether the filters other than {@code section} match: section counts show what each would give. */
    public boolean matchesIgnoringSection(DigestEntry c) {
        return new ItemFilter(null, source, status, text).matches(c);
    }

    private static List<String> words(String text) {
        return Arrays.stream(fold(text).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
