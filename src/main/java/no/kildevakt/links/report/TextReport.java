package no.kildevakt.links.report;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import no.kildevakt.text.OneLine;
import no.kildevakt.links.CheckedLink;
import no.kildevakt.links.LinkReport;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.links.extract.LinkOccurrence;

/**
 * The terminal report: what needs work first, one block per link — status and URL, the reason
 * (with history and archive copy), then every place it is cited — and working links only counted
 * unless asked for. Text from documents is flattened to one line and stripped of control
 * characters, so a hostile anchor text cannot move the cursor or fake lines.
 */
final class TextReport implements ReportWriter {
    private static final int MAX_LISTED_OCCURRENCES = 20;
    private final boolean verbose;

    TextReport(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public void write(LinkReport report, Appendable out) throws IOException {
        for (LinkStatus status : LinkStatus.values()) {
            List<CheckedLink> group = report.links().stream().filter(l -> l.result().status() == status).toList();
            if (group.isEmpty()) {
                continue;
            }
            boolean listed = verbose || (status != LinkStatus.OK && status != LinkStatus.SKIPPED);
            if (!listed) {
                boolean one = group.size() == 1;
                out.append(String.format(Locale.ROOT, "%-8s %d %s%n", status.code(), group.size(), status == LinkStatus.OK
                        ? (one ? "link works" : "links work")
                        : (one ? "link" : "links") + " not checked (mailto:, tel:, ...)"));
                continue;
            }
            out.append("== ").append(Phrases.heading(status)).append(" (").append(String.valueOf(group.size())).append(")\n");
            for (CheckedLink link : group) {
                out.append(String.format(Locale.ROOT, "%-8s %s%n", status.code(), clean(link.url())));
                String reason = Phrases.reason(link);
                if (!reason.isEmpty()) {
                    out.append("         ").append(clean(reason)).append('\n');
                }
                if (link.archiveUrl() != null) {
                    out.append("         archived: ").append(clean(link.archiveUrl())).append('\n');
                }
                List<LinkOccurrence> occurrences = link.occurrences();
                for (int i = 0; i < occurrences.size() && i < MAX_LISTED_OCCURRENCES; i++) {
                    LinkOccurrence o = occurrences.get(i);
                    out.append("         - ").append(clean(Phrases.occurrence(o)));
                    if (!o.text().isBlank()) {
                        out.append(" \"").append(clean(OneLine.of(o.text(), 60))).append('"');
                    }
                    out.append('\n');
                }
                if (occurrences.size() > MAX_LISTED_OCCURRENCES) {
                    out.append("         - and ").append(String.valueOf(occurrences.size() - MAX_LISTED_OCCURRENCES))
                            .append(" more citations (see --format csv)\n");
                }
            }
            out.append('\n');
        }
        for (String warning : report.warnings()) {
            out.append("warning: ").append(clean(warning)).append('\n');
        }
        out.append(Phrases.summary(report)).append('\n');
    }

    /** One line, no control characters (ANSI escapes included). */
    static String clean(String text) {
        return OneLine.of(text).replaceAll("\\p{Cntrl}", "?");
    }
}
