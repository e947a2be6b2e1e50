package no.kildevakt.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.store.StoreException;

/**
 * The latest dead-link report of a past issue, for the links view. The link checker keeps its
 * reports in the store; this interface is what the page needs of them, so the page does not depend
 * on how they are stored.
 */
@FunctionalInterface
public interface LinkReports {
    Optional<Report> latest() throws StoreException;

    /** No reports (the link checker has not run, or is not part of this build). */
    static LinkReports none() {
        return Optional::empty;
    }

    /**
     * One run of the link checker.
     *
     * @param checkedAt when it ran
     * @param scope     what was checked (document names or URLs)
     * @param links     the links that need the editor's eye (broken, blocked, errors, redirects), worst first
     */
    record Report(Instant checkedAt, String scope, List<Link> links) {
        public Report {
            links = List.copyOf(links);
        }
    }

    /**
     * @param status     broken, blocked, error, redirect, ...
     * @param httpStatus the last HTTP status, 0 when none
     * @param finalUrl   where a redirect ended, or null
     * @param where      every place the link is cited, each its own
     */
    record Link(String url, LinkStatus status, int httpStatus, String finalUrl, String error, List<Place> where) {
        public Link {
            where = List.copyOf(where);
        }
    }

    /**
     * One citation of a link: the editor finds it by the issue, the place in it and the words linked.
     *
     * @param document the title, or its file or URL
     * @param location where in it, as the extractor wrote it ({@code line 1, link 3}, {@code page 2}); may be empty
     * @param text     the anchor text; empty when there is none
     */
    record Place(String document, String location, String text) {
        public Place {
            location = location == null ? "" : location;
            text = text == null ? "" : text;
        }
    }
}
