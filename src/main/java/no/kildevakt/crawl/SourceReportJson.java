package no.kildevakt.crawl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One source's round as JSON: the shape of an entry of {@code crawl --json}, which the review page's
 * re-crawl answer shares, so a script reading either sees the same fields.
 */
public final class SourceReportJson {
    private SourceReportJson() {}

    /** Fills {@code o} with the report's fields and returns it. */
    public static ObjectNode fill(ObjectNode o, SourceReport r) {
        o.put("id", r.sourceId());
        o.put("status", r.outcome().status());
        o.put("outcome", r.outcome().code());
        o.put("new_items", r.newItems());
        o.put("seen_items", r.seenItems());
        o.put("error", r.error());
        o.put("warning", r.warning());
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        o.put("took_ms", r.took().toMillis());
        return o;
    }
}
