package no.kildevakt.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.config.Section;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.crawl.HealthRules;
import no.kildevakt.date.Oslo;
import no.kildevakt.digest.Digest;
import no.kildevakt.digest.DigestEntry;
import no.kildevakt.digest.DigestSection;
import no.kildevakt.digest.DigestText;
import no.kildevakt.digest.Draft;
import no.kildevakt.digest.Sentences;
import no.kildevakt.digest.WebLinks;
import no.kildevakt.review.http.HttpError;
import no.kildevakt.review.http.Request;
import no.kildevakt.review.http.Response;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.SourceState;
import no.kildevakt.store.StoreException;
import no.kildevakt.store.StoredItem;

/**
 * The HTML pages: review (candidates with filters, decisions, notes and edits), draft, sources and
 * links. Each handler turns the request into a view model of plain strings and lists and hands it to
 * a template; nothing here writes HTML, so nothing here can forget to escape.
 */
final class Pages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /**
     * Cards the review page shows at once; "show more" brings the next ones. A browser given the
     * 150,000 cards of "below the threshold too" at once runs out of memory or gives up.
     */
    static final int PAGE_SIZE = 200;

    private final Review review;
    private final Lang lang;
    private final Templates templates;
    private final String csrfToken;
    private final String assetVersion;

    Pages(Review review, Lang lang, Templates templates, String csrfToken, String assetVersion) {
        this.review = review;
        this.lang = lang;
        this.templates = templates;
        this.csrfToken = csrfToken;
        this.assetVersion = assetVersion;
    }

    // ------------------------------------------------------------------ shared

    /** The period a request asks for: {@code period}, or {@code from} and {@code to}, else the current quarter. */
    static PeriodChoice periodOf(Request request, Review review) {
        try {
            Optional<String> from = request.param("from");
            Optional<String> to = request.param("to");
            if (from.isPresent() || to.isPresent()) {
                if (from.isEmpty() || to.isEmpty()) {
                    throw HttpError.badRequest("from and to go together (from=2025-01-01&to=2025-03-31)");
                }
                return PeriodChoice.between(from.get(), to.get());
            }
            return request.param("period").map(PeriodChoice::parse).orElseGet(() -> PeriodChoice.currentQuarter(review.clock()));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private Map<String, Object> base(String page, String title, PeriodChoice period) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("lang", lang.code());
        scope.put("t", lang.labels());
        scope.put("csrf", csrfToken);
        scope.put("assetVersion", assetVersion);
        scope.put("page", page);
        scope.put("pageTitle", title);
        scope.put("nav" + Character.toUpperCase(page.charAt(0)) + page.substring(1), true);
        scope.put("periodQuery", period == null ? "" : "?period=" + encode(period.text()));
        if (period != null) {
            scope.put("period", period.text());
            scope.put("periodRange", period.range());
            scope.put("previousPeriod", encode(period.previous().text()));
            scope.put("nextPeriod", encode(period.next().text()));
        }
        return scope;
    }

    private Response page(String template, Map<String, Object> scope) {
        return Response.html(templates.render(template, scope));
    }

    /** An error page for people; the API's errors are JSON (see {@link ReviewServer}). */
    Response error(int status, String message) {
        Map<String, Object> scope = base("error", lang.label("errorTitle"), null);
        scope.put("csrf", ""); // a refused request learns nothing, not even the write token
        scope.put("status", status);
        scope.put("message", message);
        return Response.html(status, templates.render("error", scope));
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ review

    /** One item as the review page shows it. */
    record ItemView(long id, String title, String originalTitle, boolean titleEdited, String href, String url,
            String source, String sourceName, String section, String date, String isoDate, String dateKind,
            String summary, String score, List<String> matched, boolean hasMatched, String status, String statusLabel,
            String note, String divider) {}

    /** A section with its items and counts. */
    record SectionView(String id, String title, String href, int total, int accepted, int rejected, List<ItemView> items) {}

    record Option(String id, String title, boolean selected) {}

    Response review(Request request) throws StoreException {
        PeriodChoice period = periodOf(request, review);
        boolean all = request.param("all").isPresent();
        ItemFilter filter;
        try {
            filter = ItemFilter.of(request.param("section").orElse(null), request.param("source").orElse(null),
                    request.param("status").orElse(null), request.param("q").orElse(null));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        Digest digest = review.candidates(period.period(), all);
        ItemPage loaded;
        try {
            loaded = review.page(digest.entries().stream().filter(filter::matches).toList(), request.param("cursor"), PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        Set<DigestEntry> onPage = Collections.newSetFromMap(new IdentityHashMap<>());
        onPage.addAll(loaded.items());

        List<SectionView> toc = new ArrayList<>();
        List<SectionView> shown = new ArrayList<>();
        int total = 0;
        int accepted = 0;
        int rejected = 0;
        int undecided = 0;
        for (DigestSection s : digest.sections()) {
            List<DigestEntry> inSection = s.entries().stream().filter(filter::matchesIgnoringSection).toList();
            if (inSection.isEmpty()) {
                continue;
            }
            boolean visible = filter.section() == null || filter.section().equals(s.id());
            String href = visible ? "#s-" + s.id() : "/?" + queryWith(request, period, "section", s.id());
            // counts are the section's; the cards only those of this page (the rest come with "show more")
            SectionView view = section(digest, s, inSection, href, inSection.stream().filter(onPage::contains).toList());
            toc.add(view);
            if (visible) {
                if (!view.items().isEmpty()) {
                    shown.add(view);
                }
                total += view.total();
                accepted += view.accepted();
                rejected += view.rejected();
                undecided += view.total() - view.accepted() - view.rejected();
            }
        }
        Map<String, Object> scope = base("review", lang.label("navReview") + " " + period.text(), period);
        scope.put("sections", shown);
        scope.put("toc", toc);
        scope.put("total", total);
        scope.put("accepted", accepted);
        scope.put("rejected", rejected);
        scope.put("undecided", undecided);
        scope.put("all", all);
        if (loaded.nextCursor() != null) {
            scope.put("moreHref", "/?" + queryWith(request, period, "cursor", loaded.nextCursor()));
            scope.put("moreLabel", lang.format("showMore", loaded.remaining()));
        }
        scope.put("q", filter.text());
        scope.put("sectionOptions", review.config().sections().stream()
                .map(s -> new Option(s.id(), s.title(), s.id().equals(filter.section()))).toList());
        scope.put("sourceOptions", review.config().sources().stream()
                .map(s -> new Option(s.id(), s.name(), s.id().equals(filter.source()))).toList());
        scope.put("statusOptions", Arrays.stream(ReviewStatus.values())
                .map(s -> new Option(s.code(), statusLabel(s), s == filter.status())).toList());
        return page("review", scope);
    }

    /** The current filters as a query string, with one parameter replaced. */
    private static String queryWith(Request request, PeriodChoice period, String name, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("period", period.text());
        for (String p : List.of("section", "source", "status", "q", "all")) {
            request.param(p).ifPresent(v -> params.put(p, v));
        }
        params.put(name, value);
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return q.toString();
    }

    private SectionView section(Digest digest, DigestSection s, List<DigestEntry> entries, String href, List<DigestEntry> shown) {
        int accepted = (int) entries.stream().filter(e -> e.item().status() == ReviewStatus.ACCEPTED).count();
        int rejected = (int) entries.stream().filter(e -> e.item().status() == ReviewStatus.REJECTED).count();
        String title = s.known() ? s.title() : lang.label("otherSection") + ": " + s.id();
        // the divider goes before the section's first item below the threshold, on whichever page it falls
        DigestEntry firstBelow = digest.threshold().isEmpty() ? null
                : entries.stream().filter(digest::belowThreshold).findFirst().orElse(null);
        String divider = lang.format("underThreshold", DigestText.score(digest.threshold().orElse(0)));
        return new SectionView(s.id(), title, href, entries.size(), accepted, rejected,
                shown.stream().map(e -> item(e, e == firstBelow ? divider : null)).toList());
    }

    ItemView item(DigestEntry e) {
        return item(e, null);
    }

    private ItemView item(DigestEntry e, String divider) {
        StoredItem i = e.item();
        String dateKind = "";
        if (i.eventDate() != null) {
            dateKind = lang.label("event") + " ";
        } else if (i.published() == null) {
            dateKind = lang.label("seen") + " ";
        }
        LocalDate day = e.day();
        boolean titleEdited = i.editedTitle() != null && !i.editedTitle().isBlank();
        return new ItemView(i.id(), i.draftTitle(), i.title(), titleEdited, WebLinks.safe(i.url()).orElse(null), i.url(),
                i.source(), e.source(), e.section(), day == null ? null : lang.date(day), day == null ? null : day.toString(),
                dateKind, i.draftSummary(), DigestText.score(e.score().value()), e.matched(), !e.matched().isEmpty(),
                i.status().code(), statusLabel(i.status()), i.note(), divider);
    }

    private String statusLabel(ReviewStatus status) {
        String word = status.code();
        return lang.label("status" + Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }

    // ------------------------------------------------------------------ draft

    record DraftEntry(long id, String title, String summary, String date, String href, String url) {}

    record DraftSection(String title, List<DraftEntry> entries) {}

    Response draft(Request request) throws StoreException {
        PeriodChoice period = periodOf(request, review);
        Draft draft = review.draft(period.period());
        Map<String, Object> scope = base("draft", lang.label("navDraft") + " " + period.text(), period);
        int n = draft.size();
        scope.put("basis", n == 0 ? lang.label("draftEmpty")
                : draft.accepted() ? lang.format("draftFromAccepted", n) : lang.format("draftFromCandidates", n));
        List<DraftSection> sections = new ArrayList<>();
        for (Draft.DraftSection s : draft.sections()) {
            sections.add(new DraftSection(s.title(), s.entries().stream().map(e -> new DraftEntry(0,
                    e.title(), e.text(), e.day() == null ? null : lang.date(e.day()),
                    WebLinks.safe(e.url()).orElse(null), e.url())).toList()));
        }
        scope.put("sections", sections);
        scope.put("markdown", review.draftText(draft, DraftFormat.MD));
        scope.put("html", review.draftText(draft, DraftFormat.HTML));
        return page("draft", scope);
    }

    /** The draft as a file to save ({@code /draft.md}, {@code /draft.html}, {@code /draft.docx}). */
    Response draftFile(Request request, DraftFormat format) throws StoreException {
        PeriodChoice period = periodOf(request, review);
        byte[] file = format.document().bytes(review.draft(period.period()));
        String name = (lang == Lang.NB ? "utkast-" : "draft-") + period.slug() + "." + format.extension();
        return Response.of(200, format.contentType(), file)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    // ------------------------------------------------------------------ sources

    record SourceView(String id, String name, String section, String url, String href, String health, String healthLabel,
            String lastSuccess, String lastAttempt, int failures, int itemsLastTime, String remark) {}

    Response sources(Request request) throws StoreException {
        List<SourceView> rows = new ArrayList<>();
        for (Review.SourceHealth h : review.sources()) {
            SourceConfig s = h.source();
            SourceState st = h.state();
            String remark = st.lastOutcome() != null && st.lastOutcome().isFailure() ? st.lastError() : HealthRules.warning(st);
            String section = review.config().section(s.section()).map(Section::title).orElse(s.section());
            rows.add(new SourceView(s.id(), s.name(), section, s.url().toString(), WebLinks.safe(s.url().toString()).orElse(null),
                    h.health(), healthLabel(h.health()), dateTime(st.lastSuccess()), dateTime(st.lastAttempt()),
                    st.consecutiveFailures(), st.itemsLastTime(), remark));
        }
        Map<String, Object> scope = base("sources", lang.label("navSources"), null);
        scope.put("sources", rows);
        return page("sources", scope);
    }

    String healthLabel(String health) {
        String key = "health" + Character.toUpperCase(health.charAt(0)) + health.substring(1);
        return lang.labels().getOrDefault(key, health);
    }

    private String dateTime(Instant instant) {
        if (instant == null) {
            return lang.label("never");
        }
        var local = instant.atZone(Oslo.ZONE);
        return lang.date(local.toLocalDate()) + " " + TIME.format(local);
    }

    // ------------------------------------------------------------------ links

    record LinkView(String url, String href, String status, String httpStatus, String finalUrl, String error, List<String> where) {}

    record ReportView(String checked, String scope, List<LinkView> links) {}

    Response links(Request request) throws StoreException {
        Map<String, Object> scope = base("links", lang.label("navLinks"), null);
        review.latestLinkReport().ifPresent(r -> scope.put("report", new ReportView(
                lang.format("linksChecked", dateTime(r.checkedAt())), r.scope(),
                r.links().stream().map(l -> new LinkView(l.url(), WebLinks.safe(l.url()).orElse(null),
                        l.status().code(), l.httpStatus() == 0 ? null : Integer.toString(l.httpStatus()),
                        l.finalUrl(), l.error(), l.where())).toList())));
        return page("links", scope);
    }
}
