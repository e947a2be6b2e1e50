package no.kildevakt.digest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.kildevakt.rank.Score;
import no.kildevakt.store.StoredItem;

/**
 * The item JSON shape of DESIGN.md ({@code id, source, section, title, url, published, event_date,
 * summary, score, matched, status}, plus {@code sources, published_at, published_raw, first_seen, guid}), written in one
 * place so that {@code items --json}, {@code digest --format json} and the review API cannot drift
 * apart. Scripts rely on the shape: fields may be added, never renamed.
 */
public final class ItemJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
        o.put("status", item.status());
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
        ObjectNode period = root.putObject("period");
        period.put("from", digest.period().from().toString());
        period.put("to", digest.period().to().toString());
        period.put("first_day", digest.period().firstDay().toString());
        period.put("last_day", digest.period().lastDay().toString());
        period.put("label", digest.period().label());
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

    /** {@code {"items":[...]}} for plain listings. */
    public static ObjectNode items(List<ObjectNode> items) {
        ObjectNode root = NODES.objectNode();
        root.putArray("items").addAll(items);
        return root;
    }

    private static String date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, Period.OSLO).toString();
    }
}
