package no.kildevakt.links.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.StringJoiner;
import no.kildevakt.links.CheckedLink;
import no.kildevakt.links.LinkReport;
import no.kildevakt.links.check.LinkResult;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.links.extract.LinkOccurrence;
import no.kildevakt.store.LinkRecords.LinkCheck;

/**
 * The sentences every format shares, so a link reads the same in the terminal, in a mail and in a
 * spreadsheet: what is wrong, since when, where it is cited. Dates are Oslo dates.
 */
final class Phrases {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private Phrases() {}

    /** Group headings, by status. */
    static String heading(LinkStatus status) {
        return switch (status) {
            case BROKEN -> "Broken";
            case BLOCKED -> "Blocked (the site refuses automated checks; could not verify)";
            case ERROR -> "Errors (could not tell; try again later)";
            case REDIRECT -> "Moved (update the link)";
            case OK -> "Working";
            case SKIPPED -> "Not checked";
        };
    }

    /**
     * What the history says about a link, or "" when it says nothing new: "dead since 2025-03-02
     * (3 checks in a row)", "flaky: failed 4 of 9 checks, last ok 2025-03-01", "worked on
     * 2025-03-01" (for an error now).
     */
    static String history(CheckedLink link) {
        LinkCheck h = link.history();
        if (h == null) {
            return "";
        }
        LinkStatus status = link.result().status();
        if (status.fails()) {
            if (h.flaky()) {
                return "flaky: failed " + h.failures() + " of " + h.checks() + " checks"
                        + (h.lastOk() == null ? "" : ", last ok " + date(h.lastOk()));
            }
            if (status == LinkStatus.BROKEN && h.firstSeenBroken() != null) {
                return h.consecutiveFailures() > 1
                        ? "dead since " + date(h.firstSeenBroken()) + " (" + h.consecutiveFailures() + " checks in a row)"
                        : "first seen broken " + date(h.firstSeenBroken());
            }
            return h.lastOk() == null ? "" : "last ok " + date(h.lastOk());
        }
        if (status.works() && h.failures() > 0) {
            return "failed " + h.failures() + " of " + h.checks() + " checks before";
        }
        return "";
    }

    /** The reason line: the error, the new URL for a redirect, and the history, joined. */
    static String reason(CheckedLink link) {
        LinkResult r = link.result();
        StringJoiner parts = new StringJoiner(" · ");
        if (r.status() == LinkStatus.REDIRECT) {
            parts.add("now at " + r.finalUrl());
        } else if (r.error() != null && !r.error().isBlank()) {
            parts.add(r.error());
        }
        String history = history(link);
        if (!history.isEmpty()) {
            parts.add(history);
        }
        if (r.cached()) {
            parts.add("checked " + date(r.checkedAt()) + " (cached)");
        }
        return parts.toString();
    }

    /** "issue.pdf, page 3", with the anchor text when there is one. */
    static String occurrence(LinkOccurrence o) {
        return o.document() + ", " + o.location();
    }

    static String date(Instant instant) {
        return LocalDate.ofInstant(instant, OSLO).toString();
    }

    /** "3 links in 2 documents: 1 broken, ..., 12 requests (1.00 per checked link), 2 from cache". */
    static String summary(LinkReport report) {
        Map<LinkStatus, Integer> counts = report.counts();
        StringJoiner byStatus = new StringJoiner(", ");
        for (LinkStatus s : LinkStatus.values()) {
            byStatus.add(counts.get(s) + " " + s.code());
        }
        String perLink = report.fetched() == 0 ? "" : String.format(java.util.Locale.ROOT, " (%.2f per checked link)",
                (double) report.requests() / report.fetched());
        return report.links().size() + " links (" + report.occurrences() + " citations) in " + report.documents()
                + (report.documents() == 1 ? " document: " : " documents: ") + byStatus + "; " + report.requests()
                + " requests" + perLink + (report.cached() > 0 ? ", " + report.cached() + " from cache" : "");
    }
}
