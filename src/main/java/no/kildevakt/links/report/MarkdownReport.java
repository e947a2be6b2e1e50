package no.kildevakt.links.report;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import no.kildevakt.text.OneLine;
import no.kildevakt.links.CheckedLink;
import no.kildevakt.links.LinkReport;
import no.kildevakt.links.check.CheckUrls;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.links.extract.LinkOccurrence;

/**
 * A Markdown report to paste into an issue tracker or a mail: a section per status, a list item per
 * link with its reason and citations. Only http(s) URLs become links (as autolinks); all other text
 * has Markdown's punctuation escaped, so an anchor text cannot inject links, images or HTML.
 */
final class MarkdownReport implements ReportWriter {
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]()#+\\-.!|<>~&])");
    private final boolean verbose;

    MarkdownReport(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public void write(LinkReport report, Appendable out) throws IOException {
        out.append("# Link check ").append(Phrases.date(report.checkedAt())).append("\n\n");
        out.append(escape(Phrases.summary(report))).append("\n");
        for (LinkStatus status : LinkStatus.values()) {
            List<CheckedLink> group = report.links().stream().filter(l -> l.result().status() == status).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.append("\n## ").append(escape(Phrases.heading(status))).append(" (").append(String.valueOf(group.size())).append(")\n\n");
            if (!verbose && (status == LinkStatus.OK || status == LinkStatus.SKIPPED)) {
                out.append(group.size() + (status == LinkStatus.OK ? " links work." : " links are not web links.")).append("\n");
                continue;
            }
            for (CheckedLink link : group) {
                out.append("- ").append(url(link.url()));
                String reason = Phrases.reason(link);
                if (!reason.isEmpty()) {
                    out.append(" — ").append(escape(reason));
                }
                out.append('\n');
                if (link.archiveUrl() != null) {
                    out.append("  - archived copy: ").append(url(link.archiveUrl())).append('\n');
                }
                for (LinkOccurrence o : link.occurrences()) {
                    out.append("  - ").append(escape(Phrases.occurrence(o)));
                    if (!o.text().isBlank()) {
                        out.append(": “").append(escape(OneLine.of(o.text(), 80))).append("”");
                    }
                    out.append('\n');
                }
            }
        }
        if (!report.warnings().isEmpty()) {
            out.append("\n## Warnings\n\n");
            for (String w : report.warnings()) {
                out.append("- ").append(escape(w)).append('\n');
            }
        }
    }

    /** An autolink for a clean http(s) URL, escaped text for anything else. */
    static String url(String url) {
        boolean safe = CheckUrls.http(url).isPresent() && !url.matches(".*[\\s<>\"`].*");
        return safe ? "<" + url + ">" : escape(url);
    }

    static String escape(String text) {
        return SPECIAL.matcher(OneLine.of(text)).replaceAll("\\\\$1");
    }
}
