package no.kildevakt.links.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import no.kildevakt.links.CheckedLink;
import no.kildevakt.links.LinkReport;
import no.kildevakt.links.check.LinkResult;
import no.kildevakt.links.extract.LinkOccurrence;
import no.kildevakt.store.LinkRecords.LinkCheck;

/**
 * {@code check-links --format json}, the shape DESIGN.md promises scripts:
 * {@code {"links":[{"url","status","http_status","final_url","error","occurrences":[{"document","location"}]}],"summary":{...}}},
 * with more fields added (never renamed): archive_url, cached, checked_at, history, occurrence text.
 * Every link is listed, working ones too.
 */
final class JsonReport implements ReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(LinkReport report, Appendable out) throws IOException {
        out.append(MAPPER.writeValueAsString(toJson(report))).append('\n');
    }

    static ObjectNode toJson(LinkReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode links = root.putArray("links");
        for (CheckedLink link : report.links()) {
            LinkResult r = link.result();
            ObjectNode o = links.addObject();
            o.put("url", r.url());
            o.put("status", r.status().code());
            if (r.httpStatus() > 0) {
                o.put("http_status", r.httpStatus());
            } else {
                o.putNull("http_status");
            }
            o.put("final_url", r.finalUrl());
            o.put("error", r.error());
            o.put("archive_url", link.archiveUrl());
            o.put("cached", r.cached());
            o.put("checked_at", r.checkedAt().toString());
            o.put("requests", r.requests());
            LinkCheck h = link.history();
            if (h == null) {
                o.putNull("history");
            } else {
                ObjectNode history = o.putObject("history");
                history.put("first_checked", text(h.firstChecked()));
                history.put("first_seen_broken", text(h.firstSeenBroken()));
                history.put("last_ok", text(h.lastOk()));
                history.put("consecutive_failures", h.consecutiveFailures());
                history.put("checks", h.checks());
                history.put("failures", h.failures());
                history.put("flaky", h.flaky());
                history.put("summary", Phrases.history(link));
            }
            ArrayNode occurrences = o.putArray("occurrences");
            for (LinkOccurrence oc : link.occurrences()) {
                ObjectNode x = occurrences.addObject();
                x.put("document", oc.document());
                x.put("location", oc.location());
                x.put("text", oc.text());
                x.put("cited_url", oc.url());
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("links", report.links().size());
        report.counts().forEach((status, n) -> summary.put(status.code(), n));
        summary.put("documents", report.documents());
        summary.put("unreadable", report.unreadable().size());
        summary.put("occurrences", report.occurrences());
        summary.put("requests", report.requests());
        summary.put("fetched", report.fetched());
        summary.put("cached", report.cached());
        summary.put("checked_at", report.checkedAt().toString());
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        return root;
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
