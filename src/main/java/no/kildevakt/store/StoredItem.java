package no.kildevakt.store;

import java.time.Instant;
import java.util.List;

/**
 * An item as kept in the store.
 *
 * @param id        stable row id (used by the review API)
 * @param source    the source that saw it first
 * @param sources   every source that has listed it, first one first
 * @param section   the section of the source that saw it first, as stored
 * @param published publication instant, or null
 * @param eventDate the date of the event for events sections, or null
 * @param firstSeen when kildevakt first stored it
 * @param status    the editors' decision (new until one is taken)
 * @param note      the editor's note, or null
 * @param editedTitle   the editor's title for the draft, or null to use {@code title}
 * @param editedSummary the editor's summary for the draft, or null to use {@code summary}
 * @param decidedAt when the status was last set by an editor, or null
 * @param publishedRaw the publication date the source gave when it was no usable date (before 1990, or
 *                  more than a day ahead of the crawl), as ISO-8601 text; null otherwise. Kept so an
 *                  editor can see what the source said, while {@code published} is null and the item
 *                  is dated by {@code firstSeen}
 * @param placedSection the section the editor moved the item to for the issue it was read for, or null
 *                  (the section then follows its source)
 * @param position  the item's place within its section as the editor ordered it for that issue (1 first),
 *                  or null when the editor has not ordered it (it then follows the ordered ones, best first)
 * @param earlierIssues other issues the item was accepted for ("2024-Q3"), oldest first: an event or a
 *                  recurring report may be cited again, and the editor sees that it was
 */
public record StoredItem(
        long id,
        String dedupeKey,
        String source,
        List<String> sources,
        String section,
        String title,
        String url,
        String guid,
        String summary,
        Instant published,
        Instant updated,
        java.time.LocalDate eventDate,
        Instant firstSeen,
        Instant lastSeen,
        ReviewStatus status,
        String note,
        String editedTitle,
        String editedSummary,
        Instant decidedAt,
        String publishedRaw,
        String placedSection,
        Integer position,
        List<String> earlierIssues) {

    public StoredItem {
        sources = List.copyOf(sources);
        earlierIssues = earlierIssues == null ? List.of() : List.copyOf(earlierIssues);
    }

    /** An item as read outside any issue: not moved, not ordered. */
    public StoredItem(long id, String dedupeKey, String source, List<String> sources, String section, String title, String url,
            String guid, String summary, Instant published, Instant updated, java.time.LocalDate eventDate, Instant firstSeen,
            Instant lastSeen, ReviewStatus status, String note, String editedTitle, String editedSummary, Instant decidedAt,
            String publishedRaw) {
        this(id, dedupeKey, source, sources, section, title, url, guid, summary, published, updated, eventDate, firstSeen,
                lastSeen, status, note, editedTitle, editedSummary, decidedAt, publishedRaw, null, null, List.of());
    }

    /** An item whose source gave a usable publication date, or none. */
    public StoredItem(long id, String dedupeKey, String source, List<String> sources, String section, String title, String url,
            String guid, String summary, Instant published, Instant updated, java.time.LocalDate eventDate, Instant firstSeen,
            Instant lastSeen, ReviewStatus status, String note, String editedTitle, String editedSummary, Instant decidedAt) {
        this(id, dedupeKey, source, sources, section, title, url, guid, summary, published, updated, eventDate, firstSeen,
                lastSeen, status, note, editedTitle, editedSummary, decidedAt, null);
    }

    /**
     * The sources that listed the item after {@link #source} did: they are remembered, but the item's
     * title, summary and link stay those of its first source.
     */
    public List<String> alsoReportedBy() {
        return sources.stream().filter(s -> !s.equals(source)).toList();
    }

    /** The title the draft uses: the editor's, else the source's. */
    public String draftTitle() {
        return editedTitle != null && !editedTitle.isBlank() ? editedTitle : title;
    }

    /** The summary the draft uses: the editor's, else the source's. */
    public String draftSummary() {
        return editedSummary != null && !editedSummary.isBlank() ? editedSummary : summary;
    }
}
