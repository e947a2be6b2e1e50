package no.kildevakt.links;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.kildevakt.store.LinkStatus;

/**
 * The outcome of one {@code check-links} run, ready for any report format: links ordered as an
 * editor works through them (broken, blocked, error, redirect, ok, skipped; within a status in
 * the order first cited), plus what went wrong reading the documents.
 *
 * @param links     every distinct link
 * @param documents how many documents were read
 * @param warnings  one line per problem met while reading or fetching documents
 * @param checkedAt when the run started
 * @param unreadable the documents that could not be read (their reasons are among the warnings): their
 *                  links went unchecked, so the run is not a clean one
 */
public record LinkReport(List<CheckedLink> links, int documents, List<String> warnings, Instant checkedAt,
                         List<String> unreadable) {
    public LinkReport {
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(checkedAt, "checkedAt");
        unreadable = List.copyOf(unreadable);
    }

    /** A report in which every document was read. */
    public LinkReport(List<CheckedLink> links, int documents, List<String> warnings, Instant checkedAt) {
        this(links, documents, warnings, checkedAt, List.of());
    }

    /** How many links ended in each status (every status present, zero or not). */
    public Map<LinkStatus, Integer> counts() {
        Map<LinkStatus, Integer> counts = new EnumMap<>(LinkStatus.class);
        for (LinkStatus s : LinkStatus.values()) {
            counts.put(s, 0);
        }
        for (CheckedLink link : links) {
            counts.merge(link.result().status(), 1, Integer::sum);
        }
        return counts;
    }

    public int count(LinkStatus status) {
        return counts().get(status);
    }

    /** Whether anything is broken: the run's exit code says so. */
    public boolean anyBroken() {
        return links.stream().anyMatch(l -> l.result().status() == LinkStatus.BROKEN);
    }

    /** Whether a run must not count as clean: a link is broken or a document could not be read. */
    public boolean failed() {
        return anyBroken() || !unreadable.isEmpty();
    }

    /** Citations over all links. */
    public int occurrences() {
        return links.stream().mapToInt(l -> l.occurrences().size()).sum();
    }

    /** HTTP requests sent for the checks in this run. */
    public int requests() {
        return links.stream().mapToInt(l -> l.result().requests()).sum();
    }

    /** Links whose result was reused from an earlier run. */
    public int cached() {
        return (int) links.stream().filter(l -> l.result().cached()).count();
    }

    /** Links fetched in this run (not skipped, not cached). */
    public int fetched() {
        return (int) links.stream().filter(l -> !l.result().cached() && l.result().status() != LinkStatus.SKIPPED).count();
    }
}
