package no.kildevakt.links.report;

import java.io.IOException;
import java.util.List;
import no.kildevakt.links.CheckedLink;
import no.kildevakt.links.LinkReport;
import no.kildevakt.links.check.LinkResult;
import no.kildevakt.links.extract.LinkOccurrence;
import no.kildevakt.store.LinkRecords.LinkCheck;

/**
 * One row per citation (so a spreadsheet can filter by document and sort by status), RFC 4180
 * quoting, CRLF line ends. A cell that a spreadsheet would run as a formula ({@code =}, {@code +},
 * {@code -}, {@code @} first) gets a leading apostrophe: anchor texts come from documents anyone
 * could have written.
 */
final class CsvReport implements ReportWriter {
    static final List<String> COLUMNS = List.of("status", "url", "http_status", "final_url", "error", "archive_url",
            "document", "location", "text", "first_seen_broken", "last_ok", "consecutive_failures", "history");

    @Override
    public void write(LinkReport report, Appendable out) throws IOException {
        row(out, COLUMNS);
        for (CheckedLink link : report.links()) {
            LinkResult r = link.result();
            LinkCheck h = link.history();
            for (LinkOccurrence o : link.occurrences()) {
                row(out, List.of(r.status().code(), r.url(), r.httpStatus() > 0 ? String.valueOf(r.httpStatus()) : "",
                        nz(r.finalUrl()), nz(r.error()), nz(link.archiveUrl()), o.document(), o.location(), o.text(),
                        h == null || h.firstSeenBroken() == null ? "" : Phrases.date(h.firstSeenBroken()),
                        h == null || h.lastOk() == null ? "" : Phrases.date(h.lastOk()),
                        h == null ? "" : String.valueOf(h.consecutiveFailures()), Phrases.history(link)));
            }
        }
    }

    private static void row(Appendable out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
