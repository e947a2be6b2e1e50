package no.kildevakt.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import no.kildevakt.text.OneLine;
import no.kildevakt.crawl.SourceReportJson;
import no.kildevakt.digest.DigestEntry;
import no.kildevakt.digest.ItemJson;
import no.kildevakt.review.http.HttpError;
import no.kildevakt.review.http.Request;
import no.kildevakt.review.http.Response;
import no.kildevakt.store.StoreException;

/**
 * The JSON API of DESIGN.md, which the page's script uses too:
 * <ul>
 * <li>{@code GET /api/items?period=|from=&to=&status=&section=&source=&q=&all=1&limit=N&cursor=C} →
 *     {@code {"items":[...], "next_cursor":"..."|null, "total":N, "remaining":N}}, the period's candidates in
 *     newsletter order (current quarter by default), {@value ItemPage#DEFAULT_LIMIT} at a time unless
 *     {@code limit} says otherwise (at most {@value ItemPage#MAX_LIMIT}); the next page is asked for with
 *     {@code cursor=} the {@code next_cursor} given, which is null on the last page ({@link ItemPage});
 * <li>{@code GET /api/items/{id}} → the item;
 * <li>{@code POST /api/items/{id}/decision} {@code {"decision":"accepted|rejected|new","note":"...","period":"2024-Q4"}}
 *     → the item as that issue sees it; the decision is that issue's (without {@code period}, the quarter
 *     of the item's date);
 * <li>{@code POST /api/items/{id}/edit} {@code {"title":"...","summary":"..."}} → the item;
 * <li>{@code POST /api/sources/{id}/crawl} → the source's crawl result, 409 while another crawl runs.
 * </ul>
 * Items have the shape of {@code items --json} ({@link ItemJson}) plus what the review adds.
 */
final class Api {
    private final Review review;
    private final ObjectMapper json;

    Api(Review review, ObjectMapper json) {
        this.review = review;
        this.json = json;
    }

    Response items(Request request) throws StoreException {
        PeriodChoice period = Pages.periodOf(request, review);
        ItemFilter filter;
        try {
            filter = ItemFilter.of(request.param("section").orElse(null), request.param("source").orElse(null),
                    request.param("status").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null), request.param("q").orElse(null));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        int limit;
        try {
            limit = ItemPage.limit(request.param("limit"));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        List<DigestEntry> entries = review.candidates(period.period(), request.param("all").isPresent()).entries().stream()
                .filter(filter::matches).toList();
        ItemPage page;
        try {
            page = review.page(entries, request.param("cursor"), limit);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        ObjectNode root = json.createObjectNode();
        root.putArray("items").addAll(page.items().stream().map(this::item).toList());
        root.put("period", period.text());
        root.put("next_cursor", page.nextCursor());
        root.put("total", page.total());
        root.put("remaining", page.remaining());
        return ok(root);
    }

    Response item(Request request) throws StoreException {
        return ok(item(existing(request)));
    }

    Response decide(Request request) throws StoreException, IOException {
        long id = existing(request).item().id();
        JsonNode body = body(request);
        String decision = text(body, "decision");
        if (decision == null) {
            throw HttpError.badRequest("\"decision\" is required: accepted, rejected or new");
        }
        String issue = issueOf(text(body, "period"));
        try {
            return ok(item(review.decide(id, decision, text(body, "note"), issue)));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    /**
     * The issue a write names by its period ({@code 2024-Q4}, {@code 2024-10-01..2024-12-31}), as the store
     * keeps it; null when none is named (the store then takes the quarter of the item's date).
     */
    static String issueOf(String period) {
        if (period == null || period.isBlank()) {
            return null;
        }
        try {
            return PeriodChoice.parse(period).period().issue();
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("\"period\": " + e.getMessage());
        }
    }

    Response edit(Request request) throws StoreException, IOException {
        long id = existing(request).item().id();
        JsonNode body = body(request);
        String title = text(body, "title");
        String summary = text(body, "summary");
        if (title == null && summary == null) {
            throw HttpError.badRequest("give \"title\" and/or \"summary\" (empty to remove an edit)");
        }
        try {
            return ok(item(review.edit(id, title, summary, issueOf(text(body, "period")))));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    Response recrawl(Request request) throws StoreException {
        String id = request.pathParam("id");
        if (review.config().source(id).isEmpty()) {
            throw HttpError.notFound("no source \"" + id + "\"");
        }
        try {
            return ok(SourceReportJson.fill(json.createObjectNode(), review.recrawl(id)));
        } catch (Recrawler.Busy e) {
            return Response.json(409, error(e.getMessage()).toString());
        }
    }

    /** The error body every API refusal has: {@code {"error":"...","status":N}}. */
    ObjectNode error(String message) {
        ObjectNode o = json.createObjectNode();
        o.put("error", message);
        return o;
    }

    private ObjectNode item(DigestEntry e) {
        ObjectNode o = ItemJson.entry(e);
        o.put("draft_title", e.item().draftTitle());
        o.put("draft_summary", e.item().draftSummary());
        o.put("decided_at", e.item().decidedAt() == null ? null : e.item().decidedAt().toString());
        o.put("source_name", e.source());
        o.putArray("earlier_issues").addAll(e.item().earlierIssues().stream()
                .map(p -> (com.fasterxml.jackson.databind.JsonNode) json.getNodeFactory().textNode(p)).toList());
        return o;
    }

    private DigestEntry existing(Request request) throws StoreException {
        String raw = request.pathParam("id");
        if (!raw.matches("\\d{1,18}")) {
            throw HttpError.notFound("no item " + raw);
        }
        return review.item(Long.parseLong(raw)).orElseThrow(() -> HttpError.notFound("no item " + raw));
    }

    /** The JSON object a write sends; anything else is refused with the status that says why. */
    JsonNode body(Request request) throws IOException {
        String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new HttpError(415, "send the body as application/json");
        }
        JsonNode node;
        try {
            node = json.readTree(request.bodyText());
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("the body is not JSON: " + OneLine.of(e.getOriginalMessage(), 160));
        }
        if (node == null || !node.isObject()) {
            throw HttpError.badRequest("the body must be a JSON object");
        }
        return node;
    }

    /** A string field; null when absent or JSON null; a 400 when it is another type. */
    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw HttpError.badRequest("\"" + field + "\" must be a string");
        }
        return v.textValue();
    }

    static Response ok(JsonNode node) {
        return Response.json(node.toString());
    }
}
