package no.kildevakt.links.report;

import java.util.List;
import no.kildevakt.links.CheckedLink;
import no.kildevakt.links.LinkAudit;
import no.kildevakt.links.LinkReport;
import no.kildevakt.links.UrlPasswords;
import no.kildevakt.links.check.LinkResult;
import no.kildevakt.links.extract.LinkOccurrence;

/**
 * A report as it may be shown: the password in a URL's user info ({@code https://user:secret@host/})
 * replaced by {@code ***} wherever a URL appears (links, final URLs, archive copies, documents given
 * by URL, error and warning lines), and a URL longer than {@link LinkAudit#MAX_URL_LENGTH} cut.
 * Reports are mailed and pasted; an issue behind basic authentication must not leak its password
 * there, and a megabyte URL from a broken document must not fill a terminal. Every format writes
 * through this, so no format can forget it.
 */
final class Shown {
    /** How much of an over-long URL is shown. */
    private static final int SHOWN_OF_LONG = 200;

    private Shown() {}

    static LinkReport report(LinkReport report) {
        List<CheckedLink> links = report.links().stream().map(Shown::link).toList();
        return new LinkReport(links, report.documents(), report.warnings().stream().map(Shown::text).toList(),
                report.checkedAt(), report.unreadable().stream().map(Shown::text).toList());
    }

    private static CheckedLink link(CheckedLink link) {
        LinkResult r = link.result();
        LinkResult shown = new LinkResult(url(r.url()), r.status(), r.httpStatus(), url(r.finalUrl()), text(r.error()),
                r.requests(), r.checkedAt(), r.cached());
        List<LinkOccurrence> occurrences = link.occurrences().stream()
                .map(o -> new LinkOccurrence(url(o.url()), text(o.document()), o.location(), o.text())).toList();
        return new CheckedLink(shown, occurrences, link.history(), url(link.archiveUrl()));
    }

    /** A URL without its password, cut when longer than any server accepts; null stays null. */
    static String url(String url) {
        if (url == null) {
            return null;
        }
        if (url.length() > LinkAudit.MAX_URL_LENGTH) {
            return text(url.substring(0, SHOWN_OF_LONG)) + "\u2026 (" + url.length() + " characters)";
        }
        return text(url);
    }

    /** A text with the password of every URL in it hidden; null stays null. */
    static String text(String text) {
        return UrlPasswords.hide(text);
    }
}
