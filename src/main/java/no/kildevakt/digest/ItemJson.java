package no.kildevakt.digest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.kildevakt.date.Oslo;
import no.kildevakt.rank.Score;
import no.kildevakt.store.StoredItem;

/**
 * The item JSON shape of DESIGN.md ({@code id, source, section, title, url, published, event_date,
 * summary, score, matched, why, status}, plus {@code sources, published_at, published_raw, first_seen, guid}), written in one
 * place so that {@code items --json}, {@code digest --format json} and the review API cannot drift
 * apart. Scripts rely on the shape: fields may be added, never renamed.
 *
 * <p>Whole listings are written as a stream ({@link #generator}, {@link #writeDigest}): each item is
 * built as a small tree and written out at once, so a listing of 150,000 items never exists in memory as
 * one tree or one string, and the bytes are those the tree of the whole listing would have printed.
 */
public final class ItemJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Only a codec for {@link JsonGenerator#writeTree}; never configured after this line. */
    private static final ObjectMapper CODEC = new ObjectMapper();

    private ItemJson() {}

    /**
     * One item.
     *
     * @param section the section it is filed under now (see {@link Candidates#sectionOf})
     * @param score   its score, or null when no ranking was applied ({@code score} is then null and
     *                {@code matched} empty)
     */
    public static ObjectNode item(StoredItem item, String section, Score score) {
        ObjectNode o = NODES.objectNode();
        o.put("id", item.id());
        o.put("source", item.source());
        o.put("section", section);
        o.put("title", item.title());
        o.put("url", item.url());
        o.put("published", date(item.published()));
        o.put("event_date", item.eventDate() == null ? null : item.eventDate().toString());
        o.put("summary", item.summary());
        if (score == null) {
            o.putNull("score");
        } else {
            o.put("score", Math.round(score.value() * 1000) / 1000.0);
        }
        ArrayNode matched = o.putArray("matched");
        if (score != null) {
            score.matched().forEach(matched::add);
        }
        // the parts of the score for scripts: topics with their weight, the nearest precedents, the learned bonus
        ArrayNode why = o.putArray("why");
        if (score != null) {
            for (Score.Why w : score.why()) {
                ObjectNode part = why.addObject();
                part.put("kind", w.kind());
                part.put(w.kind().equals("topic") ? "topic" : w.kind().equals("learned") ? "name" : "title", w.name());
                if (w.precedent() != null) {
                    part.put("precedent", w.precedent());
                }
                if (!w.kind().equals("topic") && !w.kind().equals("learned")) {
                    part.put("similarity", w.similarity());
                } else {
                    part.put("weight", Math.round(w.weight() * 1000) / 1000.0);
                }
            }
        }
        o.put("status", item.status().code());
        ArrayNode sources = o.putArray("sources");
        item.sources().forEach(sources::add);
        o.put("published_at", item.published() == null ? null : item.published().toString());
        // the date the source gave when it was none it could mean (year 9999, 1970): published is then null
        o.put("published_raw", item.publishedRaw());
        o.put("first_seen", item.firstSeen() == null ? null : item.firstSeen().toString());
        o.put("guid", item.guid());
        o.put("note", item.note());
        o.put("edited_title", item.editedTitle());
        o.put("edited_summary", item.editedSummary());
        return o;
    }

    /** A digest entry: the item with its section and score. */
    public static ObjectNode entry(DigestEntry entry) {
        return item(entry.item(), entry.section(), entry.score());
    }

    /**
     * A whole digest as {@code {"items":[...], "period":{...}, "sections":[...]}}: {@code items} in the
     * digest's order (so a script reading only DESIGN.md's shape gets them), {@code sections} naming
     * each section with the ids of its items.
     */
    public static ObjectNode digest(Digest digest) {
        ObjectNode root = NODES.objectNode();
        ArrayNode items = root.putArray("items");
        digest.entries().forEach(e -> items.add(entry(e)));
        root.set("period", period(digest.period()));
        ArrayNode sections = root.putArray("sections");
        for (DigestSection s : digest.sections()) {
            ObjectNode section = sections.addObject();
            section.put("id", s.id());
            section.put("title", s.title());
            section.put("events", s.events());
            ArrayNode ids = section.putArray("items");
            s.entries().forEach(e -> ids.add(e.item().id()));
        }
        return root;
    }

    /**
     * A generator that prints as {@code toPrettyString()} does (Jackson's default pretty printer) and
     * leaves {@code out} open when closed: the caller owns the stream.
     */
    public static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = CODEC.getFactory().createGenerator(out);
        g.setPrettyPrinter(new DefaultPrettyPrinter());
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** Writes one item (its tree is small) into the listing being streamed. */
    public static void write(JsonGenerator g, ObjectNode item) throws IOException {
        g.writeTree(item);
    }

    /**
     * Streams {@link #digest} to {@code out}, byte for byte as {@code digest(d).toPrettyString()} prints
     * it: one entry's tree at a time instead of the tree of all of them.
     */
    public static void writeDigest(Digest digest, Writer out) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (DigestSection s : digest.sections()) {
                for (DigestEntry e : s.entries()) {
                    write(g, entry(e));
                }
            }
            g.writeEndArray();
            g.writeFieldName("period");
            g.writeTree(period(digest.period()));
            g.writeArrayFieldStart("sections");
            for (DigestSection s : digest.sections()) {
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeStringField("title", s.title());
                g.writeBooleanField("events", s.events());
                g.writeArrayFieldStart("items");
                for (DigestEntry e : s.entries()) {
                    g.writeNumber(e.item().id());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static ObjectNode period(Period p) {
        ObjectNode period = NODES.objectNode();
        period.put("from", p.from().toString());
        period.put("to", p.to().toString());
        period.put("first_day", p.firstDay().toString());
        period.put("last_day", p.lastDay().toString());
        period.put("label", p.label());
        return period;
    }

    /** {@code {"items":[...]}} for plain listings. */
    public static ObjectNode items(List<ObjectNode> items) {
        ObjectNode root = NODES.objectNode();
        root.putArray("items").addAll(items);
        return root;
    }

    private static String date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, Oslo.ZONE).toString();
    }
}
