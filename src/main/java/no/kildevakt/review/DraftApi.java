package no.kildevakt.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.review.http.HttpError;
import no.kildevakt.review.http.Request;
import no.kildevakt.review.http.Response;
import no.kildevakt.store.DraftEdits;
import no.kildevakt.store.StoreException;

/**
 * The JSON API that arranges one issue's draft; every call names the issue by {@code "period"}
 * ({@code 2024-Q4}) in its body, so arranging one issue never touches another:
 * <ul>
 * <li>{@code POST /api/draft/move} {@code {"period", "item": ID, "section": "verdt"}} files an item under
 *     any section (an empty section puts it back under its source's);
 * <li>{@code POST /api/draft/order} {@code {"period", "keys": ["item:12", "entry:3", …]}} orders a
 *     section's entries, first to last;
 * <li>{@code POST /api/draft/entries} {@code {"period", "section", "title", "text", "url", "date", "group"}}
 *     adds a hand-written entry; {@code POST /api/draft/entries/{id}} changes it (fields left out stay);
 *     {@code POST /api/draft/entries/{id}/delete} removes it;
 * <li>{@code POST /api/draft/groups} {@code {"period", "section", "name", "title"}} names a group for the
 *     issue (groups given one name are merged; an empty title undoes it).
 * </ul>
 * Each answers {@code {"ok":true}} (an entry: the entry); the page reloads the draft to show the result.
 */
final class DraftApi {
    private final Review review;
    private final Api api;
    private final ObjectMapper json;

    DraftApi(Review review, Api api, ObjectMapper json) {
        this.review = review;
        this.api = api;
        this.json = json;
    }

    Response move(Request request) throws StoreException, IOException {
        JsonNode body = api.body(request);
        String issue = issue(body);
        long item = number(body, "item");
        String section = Api.text(body, "section");
        if (section != null && !section.isBlank() && review.config().section(section).isEmpty()) {
            throw HttpError.badRequest("no section \"" + section + "\"");
        }
        if (review.item(item).isEmpty()) {
            throw HttpError.notFound("no item " + item);
        }
        review.draftEdits().move(issue, item, section);
        return done();
    }

    Response order(Request request) throws StoreException, IOException {
        JsonNode body = api.body(request);
        String issue = issue(body);
        JsonNode keys = body.get("keys");
        if (keys == null || !keys.isArray() || keys.size() > 2000) {
            throw HttpError.badRequest("\"keys\" must be a list of item:ID and entry:ID (at most 2000)");
        }
        List<String> list = new ArrayList<>();
        keys.forEach(k -> list.add(k.isTextual() ? k.textValue() : k.toString()));
        try {
            review.draftEdits().order(issue, list);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        } catch (StoreException.NotFound e) {
            throw HttpError.notFound(e.what());
        }
        return done();
    }

    Response add(Request request) throws StoreException, IOException {
        JsonNode body = api.body(request);
        String issue = issue(body);
        DraftEdits.EntryText text = entryText(body);
        if (text.section() == null || review.config().section(text.section()).isEmpty()) {
            throw HttpError.badRequest("\"section\" must be one of the newsletter's sections");
        }
        try {
            return Api.ok(entry(review.draftEdits().add(issue, text, review.clock().instant())));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    Response update(Request request) throws StoreException, IOException {
        JsonNode body = api.body(request);
        String issue = issue(body);
        long id = pathId(request);
        DraftEdits.EntryText text = entryText(body);
        if (text.section() != null && review.config().section(text.section()).isEmpty()) {
            throw HttpError.badRequest("no section \"" + text.section() + "\"");
        }
        try {
            return Api.ok(entry(review.draftEdits().update(issue, id, text, review.clock().instant())));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        } catch (StoreException.NotFound e) {
            throw HttpError.notFound(e.what());
        }
    }

    Response remove(Request request) throws StoreException, IOException {
        JsonNode body = api.body(request);
        String issue = issue(body);
        long id = pathId(request);
        if (!review.draftEdits().remove(issue, id)) {
            throw HttpError.notFound("issue " + issue + " has no entry " + id);
        }
        return done();
    }

    Response nameGroup(Request request) throws StoreException, IOException {
        JsonNode body = api.body(request);
        String issue = issue(body);
        String section = Api.text(body, "section");
        String name = Api.text(body, "name");
        if (section == null || name == null || name.isBlank()) {
            throw HttpError.badRequest("give \"section\", \"name\" (the group as feeds.yml names it) and \"title\"");
        }
        try {
            review.draftEdits().nameGroup(issue, section, name, Api.text(body, "title"));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        return done();
    }

    private static String issue(JsonNode body) {
        String issue = Api.issueOf(Api.text(body, "period"));
        if (issue == null) {
            throw HttpError.badRequest("\"period\" is required: the issue to arrange (2024-Q4)");
        }
        return issue;
    }

    private static DraftEdits.EntryText entryText(JsonNode body) {
        String date = Api.text(body, "date");
        LocalDate day = null;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw HttpError.badRequest("\"date\" must be a day as 2025-03-31, got \"" + date + "\"");
            }
        }
        String url = Api.text(body, "url");
        if (url != null && !url.isBlank() && !url.strip().matches("(?i)https?://\\S+")) {
            throw HttpError.badRequest("\"url\" must be an http or https address");
        }
        return new DraftEdits.EntryText(Api.text(body, "section"), Api.text(body, "group"), Api.text(body, "title"),
                Api.text(body, "text"), url, day);
    }

    private static long number(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw HttpError.badRequest("\"" + field + "\" must be an item id");
        }
        return v.asLong();
    }

    private static long pathId(Request request) {
        String raw = request.pathParam("id");
        if (!raw.matches("\\d{1,18}")) {
            throw HttpError.notFound("no entry " + raw);
        }
        return Long.parseLong(raw);
    }

    private ObjectNode entry(DraftEdits.Handwritten h) {
        ObjectNode o = json.createObjectNode();
        o.put("key", "entry:" + h.id());
        o.put("id", h.id());
        o.put("period", h.period());
        o.put("section", h.section());
        o.put("group", h.group());
        o.put("title", h.title());
        o.put("text", h.text());
        o.put("url", h.url());
        o.put("date", h.day() == null ? null : h.day().toString());
        return o;
    }

    private Response done() {
        return Api.ok(json.createObjectNode().put("ok", true));
    }
}
