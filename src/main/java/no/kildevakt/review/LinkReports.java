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
     * @param where      the documents (and places in them) the link occurs in
     */
    record Link(String url, LinkStatus status, int httpStatus, String finalUrl, String error, List<String> where) {
        public Link {
            where = List.copyOf(where);
        }
    }
}
