package no.kildevakt.store;

import java.util.Locale;

/**
 * The verdict on one cited link, as DESIGN.md names it in {@code check-links --format json}.
 * The set is chosen so an editor knows what to do: fix ({@link #BROKEN}), update
 * ({@link #REDIRECT}), look by hand ({@link #BLOCKED}, {@link #ERROR}) or nothing.
 * The declaration order is the order of a report: what needs work first.
 *
 * <p>It lives in the store because both sides speak it: the link checker decides it, and
 * {@link LinkRecords} keeps it with each link's history (the lower-case {@link #code()} is what the
 * database's {@code CHECK} constraint lists).
 */
public enum LinkStatus {
    /** Gone: 404/410, unknown host, refused, redirect loop or to a broken page, soft 404, deep link sent home. */
    BROKEN,
    /** The server refuses automated checks (401, 403, 429, 999, bot walls): could not verify, not broken. */
    BLOCKED,
    /** Could not tell: timeout, TLS failure, 5xx after retries. */
    ERROR,
    /** Works, but moved permanently (301/308): the editor should update the link to {@code final_url}. */
    REDIRECT,
    /** Works (temporary redirects included). */
    OK,
    /** Not an http(s) link (mailto:, tel:, ...): listed, never fetched. */
    SKIPPED;

    /** The lower-case name used in JSON, CSV and the store. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status for a {@link #code()}; IllegalArgumentException for anything else. */
    public static LinkStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether the link answered with a page (ok or redirect). */
    public boolean works() {
        return this == OK || this == REDIRECT;
    }

    /** Whether it counts as a failure of the link (broken or error); blocked and skipped say nothing about the link itself. */
    public boolean fails() {
        return this == BROKEN || this == ERROR;
    }
}
