/**
 * The editors' review page ({@code kildevakt serve}): a period's candidates to accept or reject, with
 * notes and edits, the draft of the next issue, the health of the sources and the latest dead-link
 * report. The candidates, their order, the draft and its text are the digest's
 * ({@link no.kildevakt.digest.Candidates}, {@link no.kildevakt.digest.Draft}); this package adds the
 * web page and the JSON API on top, and {@link no.kildevakt.review.Review} is the one place both go
 * through. HTTP plumbing lives in {@link no.kildevakt.review.http}.
 */
package no.kildevakt.review;
