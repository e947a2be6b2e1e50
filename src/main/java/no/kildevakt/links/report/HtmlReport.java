package no.kildevakt.links.report;

import java.io.IOException;
import java.util.List;
import no.kildevakt.text.OneLine;
import no.kildevakt.links.CheckedLink;
import no.kildevakt.links.LinkReport;
import no.kildevakt.links.check.CheckUrls;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.links.extract.LinkOccurrence;

/**
 * A self-contained HTML page (inline CSS, no scripts, no outside resources) to mail or open in a
 * browser. Every piece of text is escaped; only http(s) URLs are rendered as links, never
 * {@code javascript:} or other schemes a hostile document might carry.
 */
final class HtmlReport implements ReportWriter {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
            h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
            .broken{color:#a00}.blocked,.error{color:#a60}.redirect{color:#046}.ok{color:#060}.skipped{color:#666}
            ul{margin:.2rem 0;padding-left:1.2rem}small{color:#555}a{word-break:break-all}
            """;

    @Override
    public void write(LinkReport report, Appendable out) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Link check ").append(Phrases.date(report.checkedAt())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style></head><body>\n")
                .append("<h1>Link check ").append(Phrases.date(report.checkedAt())).append("</h1>\n")
                .append("<p>").append(escape(Phrases.summary(report))).append("</p>\n");
        for (LinkStatus status : LinkStatus.values()) {
            List<CheckedLink> group = report.links().stream().filter(l -> l.result().status() == status).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.append("<h2 class=\"").append(status.code()).append("\">").append(escape(Phrases.heading(status)))
                    .append(" (").append(String.valueOf(group.size())).append(")</h2>\n")
                    .append("<table><thead><tr><th>Link</th><th>Why</th><th>Cited in</th></tr></thead><tbody>\n");
            for (CheckedLink link : group) {
                out.append("<tr><td>").append(anchor(link.url())).append("</td><td>")
                        .append(escape(Phrases.reason(link)));
                if (link.archiveUrl() != null) {
                    out.append("<br><small>archived copy: ").append(anchor(link.archiveUrl())).append("</small>");
                }
                out.append("</td><td><ul>");
                for (LinkOccurrence o : link.occurrences()) {
                    out.append("<li>").append(escape(Phrases.occurrence(o)));
                    if (!o.text().isBlank()) {
                        out.append(" <small>“").append(escape(OneLine.of(o.text(), 80))).append("”</small>");
                    }
                    out.append("</li>");
                }
                out.append("</ul></td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        if (!report.warnings().isEmpty()) {
            out.append("<h2>Warnings</h2><ul>\n");
            for (String w : report.warnings()) {
                out.append("<li>").append(escape(w)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</body></html>\n");
    }

    /** A link for http(s) URLs only; anything else is shown as escaped text. */
    static String anchor(String url) {
        if (CheckUrls.http(url).isEmpty()) {
            return escape(url);
        }
        String e = escape(url);
        return "<a href=\"" + e + "\" rel=\"noopener noreferrer nofollow\">" + e + "</a>";
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
