package no.kildevakt.links.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import no.kildevakt.date.InstantText;
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
    /**
     * Jackson's streaming core alone: an ObjectMapper (databind, some three hundred classes to load and set
     * up) was a good part of what a run did after its last check. The caller's writer stays open.
     */
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /**
     * Streams the report into {@code out} as it goes: a run of thousands of links made a tree of every
     * field, then a string of megabytes from it, then copied that (the same bytes as that tree gave).
     */
    @Override
    public void write(LinkReport report, Appendable out) throws IOException {
        Writer writer = out instanceof Writer w ? w : new AppendableWriter(out);
        // indented as ObjectMapper's INDENT_OUTPUT indents (its default printer), so the bytes are as before
        try (JsonGenerator json = JSON.createGenerator(writer).useDefaultPrettyPrinter()) {
            write(report, json);
        }
        out.append('\n');
    }

    private static void write(LinkReport report, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("links");
        for (CheckedLink link : report.links()) {
            LinkResult r = link.result();
            json.writeStartObject();
            json.writeStringField("url", r.url());
            json.writeStringField("status", r.status().code());
            if (r.httpStatus() > 0) {
                json.writeNumberField("http_status", r.httpStatus());
            } else {
                json.writeNullField("http_status");
            }
            json.writeStringField("final_url", r.finalUrl());
            json.writeStringField("error", r.error());
            json.writeStringField("archive_url", link.archiveUrl());
            json.writeBooleanField("cached", r.cached());
            json.writeStringField("checked_at", text(r.checkedAt()));
            json.writeNumberField("requests", r.requests());
            LinkCheck h = link.history();
            if (h == null) {
                json.writeNullField("history");
            } else {
                json.writeObjectFieldStart("history");
                json.writeStringField("first_checked", text(h.firstChecked()));
                json.writeStringField("first_seen_broken", text(h.firstSeenBroken()));
                json.writeStringField("last_ok", text(h.lastOk()));
                json.writeNumberField("consecutive_failures", h.consecutiveFailures());
                json.writeNumberField("checks", h.checks());
                json.writeNumberField("failures", h.failures());
                json.writeBooleanField("flaky", h.flaky());
                json.writeStringField("summary", Phrases.history(link));
                json.writeEndObject();
            }
            json.writeArrayFieldStart("occurrences");
            for (LinkOccurrence oc : link.occurrences()) {
                json.writeStartObject();
                json.writeStringField("document", oc.document());
                json.writeStringField("location", oc.location());
                json.writeStringField("text", oc.text());
                json.writeStringField("cited_url", oc.url());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("summary");
        json.writeNumberField("links", report.links().size());
        for (var count : report.counts().entrySet()) {
            json.writeNumberField(count.getKey().code(), count.getValue());
        }
        json.writeNumberField("documents", report.documents());
        json.writeNumberField("unreadable", report.unreadable().size());
        json.writeNumberField("occurrences", report.occurrences());
        json.writeNumberField("requests", report.requests());
        json.writeNumberField("fetched", report.fetched());
        json.writeNumberField("cached", report.cached());
        json.writeStringField("checked_at", text(report.checkedAt()));
        json.writeEndObject();
        json.writeArrayFieldStart("warnings");
        for (String warning : report.warnings()) {
            json.writeString(warning);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : InstantText.iso(instant); // as Instant.toString writes it
    }

    /** An {@link Appendable} that is no {@link Writer} (a StringBuilder in tests), as one. */
    private static final class AppendableWriter extends Writer {
        private final Appendable out;

        AppendableWriter(Appendable out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            out.append(java.nio.CharBuffer.wrap(buffer, offset, length));
        }

        @Override
        public void flush() {
            // the appendable keeps what it was given
        }

        @Override
        public void close() {
            // not ours to close
        }
    }
}
