package no.kildevakt.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
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

    /** The issue being written, as {@code settings.review_grace} says (the previous quarter in the first weeks of a quarter). */
    static PeriodChoice defaultPeriod(Review review) {
        return PeriodChoice.issueBeingWritten(review.clock(), review.config().settings().reviewGrace());
    }

    /** The period a request asks for: {@code period}, or {@code from} and {@code to}, else {@link #defaultPeriod}. */
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
            return request.param("period").map(PeriodChoice::parse).orElseGet(() -> defaultPeriod(review));
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
            String note, String divider, String earlierIssues) {}

    /** A section with its items and counts. */
    record SectionView(String id, String title, String href, int total, int accepted, int rejected, List<ItemView> items) {}

    record Option(String id, String title, boolean selected) {}

    Response review(Request request) throws StoreException {
        boolean all = request.param("all").isPresent();
        ItemFilter filter;
        try {
            filter = ItemFilter.of(request.param("section").orElse(null), request.param("source").orElse(null),
                    request.param("status").orElse(null), request.param("q").orElse(null));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        PeriodChoice period;
        try {
            period = periodOf(request, review);
        } catch (HttpError e) {
            return periodNotUnderstood(request, filter, all);
        }
        Digest digest = eventsByDate(review.candidates(period.period(), all));
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
        Map<String, Object> scope = reviewScope(request, period, filter, all);
        scope.put("sections", shown);
        scope.put("toc", toc);
        scope.put("total", total);
        scope.put("accepted", accepted);
        scope.put("rejected", rejected);
        scope.put("undecided", undecided);
        if (loaded.nextCursor() != null) {
            scope.put("moreHref", "/?" + queryWith(request, period, "cursor", loaded.nextCursor()));
            scope.put("moreLabel", lang.format("showMore", loaded.remaining()));
        }
        return page("review", scope);
    }

    /**
     * Coming events in the order of their day, soonest first, as the draft lists them (a calendar is read
     * by date, not by score); those below the threshold stay after the divider, by date too.
     */
    static Digest eventsByDate(Digest digest) {
        Comparator<DigestEntry> byDay = Comparator.comparing(digest::belowThreshold)
                .thenComparing(DigestEntry::day, Comparator.nullsLast(Comparator.naturalOrder()));
        List<DigestSection> sections = digest.sections().stream()
                .map(s -> !s.events() ? s : new DigestSection(s.id(), s.title(), s.events(), s.known(),
                        s.entries().stream().sorted(byDay).toList()))
                .toList();
        return new Digest(digest.period(), sections, digest.threshold());
    }

    /** The review page's frame: the period, its steps with the filters kept, and the filter form as chosen. */
    private Map<String, Object> reviewScope(Request request, PeriodChoice period, ItemFilter filter, boolean all) {
        Map<String, Object> scope = base("review", lang.label("navReview") + " " + period.text(), period);
        // ‹ and › keep the filters: an editor going through "new in norske" wants the same view of the next quarter
        scope.put("previousHref", "/?" + queryWith(request, period.previous(), null, null));
        scope.put("nextHref", "/?" + queryWith(request, period.next(), null, null));
        scope.put("all", all);
        scope.put("q", filter.text());
        scope.put("sectionOptions", review.config().sections().stream()
                .map(s -> new Option(s.id(), s.title(), s.id().equals(filter.section()))).toList());
        scope.put("sourceOptions", review.config().sources().stream()
                .map(s -> new Option(s.id(), s.name(), s.id().equals(filter.source()))).toList());
        scope.put("statusOptions", Arrays.stream(ReviewStatus.values())
                .map(s -> new Option(s.code(), statusLabel(s), s == filter.status())).toList());
        return scope;
    }

    /**
     * A period the page cannot read ("i fjor", "2025-Q5"): the review page again, with the typed text
     * still in the form to correct, a message in the page's language saying what is understood, and no
     * items, since items of some other period under the message would read as the answer. ‹ and › lead
     * from the issue being written. 400, as the request was wrong, but a page to go on from, not an error page.
     */
    private Response periodNotUnderstood(Request request, ItemFilter filter, boolean all) {
        String typed = request.param("period")
                .orElseGet(() -> request.param("from").orElse("") + ".." + request.param("to").orElse(""));
        Map<String, Object> scope = reviewScope(request, defaultPeriod(review), filter, all);
        scope.put("period", typed);
        scope.put("periodError", lang.format("periodNotUnderstood", typed));
        scope.put("sections", List.of());
        scope.put("toc", List.of());
        scope.put("total", 0);
        scope.put("accepted", 0);
        scope.put("rejected", 0);
        scope.put("undecided", 0);
        return Response.html(400, templates.render("review", scope));
    }

    /** The current filters as a query string, with one parameter replaced (none when {@code name} is null). */
    private static String queryWith(Request request, PeriodChoice period, String name, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("period", period.text());
        for (String p : List.of("section", "source", "status", "q", "all")) {
            request.param(p).ifPresent(v -> params.put(p, v));
        }
        if (name != null) {
            params.put(name, value);
        }
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
                i.status().code(), statusLabel(i.status()), i.note(), divider, earlierIssues(i.earlierIssues()));
    }

    /**
     * "tatt med i 2024-Q3": the issues an item was accepted in before, so an event or a recurring report
     * cited again is seen to be; null (no hint) when there are none.
     */
    private String earlierIssues(List<String> issues) {
        return issues.isEmpty() ? null : lang.format("earlierIssues", String.join(", ", issues));
    }

    private String statusLabel(ReviewStatus status) {
        String word = status.code();
        return lang.label("status" + Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }

    // ------------------------------------------------------------------ draft

    /**
     * One entry of the draft page: what the newsletter prints (title, text, date, link), the crawled summary
     * one click away, and what arranges it (its key, the sections it can move to, the earlier issues it was
     * taken into).
     */
    record DraftEntryView(String key, long id, boolean handwritten, String title, String text, String summary,
            String isoDate, String href, String url, List<Option> sections, String meta) {}

    /** A group of a section on the draft page; {@code name} is empty for the entries outside any group. */
    record DraftGroupView(String name, String title, boolean named, String sectionId, List<DraftEntryView> entries) {}

    /** Every section of the newsletter, empty ones too, so an entry can be moved or written into any of them. */
    record DraftSectionView(String id, String title, boolean empty, List<DraftGroupView> groups, List<String> groupNames) {}

    Response draft(Request request) throws StoreException {
        PeriodChoice period;
        String periodError = null;
        try {
            period = periodOf(request, review);
        } catch (HttpError e) {
            // answered on the draft page in the page's language, with the issue being written below it
            period = defaultPeriod(review);
            periodError = lang.format("periodNotUnderstood", request.param("period").orElse(""));
        }
        Draft draft = review.draft(period.period());
        Map<String, Object> scope = base("draft", lang.label("navDraft") + " " + period.text(), period);
        if (periodError != null) {
            scope.put("periodError", periodError);
            scope.put("period", request.param("period").orElse(""));
        }
        int n = draft.size();
        scope.put("basis", n == 0 ? lang.label("draftEmpty")
                : draft.accepted() ? lang.format("draftFromAccepted", n) : lang.format("draftFromCandidates", n));
        scope.put("issue", period.period().issue());
        scope.put("issueTitle", no.kildevakt.digest.NorwegianDates.months(period.period().firstDay(), period.period().lastDay()));
        Map<String, Draft.DraftSection> drafted = new LinkedHashMap<>();
        draft.sections().forEach(s -> drafted.put(s.id(), s));
        List<DraftSectionView> sections = new ArrayList<>();
        for (Section s : review.config().sections()) {
            Draft.DraftSection d = drafted.remove(s.id());
            sections.add(sectionView(s.id(), s.title(), d));
        }
        drafted.values().forEach(d -> sections.add(sectionView(d.id(), d.title(), d)));
        scope.put("draftSections", sections);
        scope.put("arrangeable", draft.accepted());
        scope.put("markdown", review.draftText(draft, DraftFormat.MD));
        scope.put("html", review.draftText(draft, DraftFormat.HTML));
        return periodError == null ? page("draft", scope) : Response.html(400, templates.render("draft", scope));
    }

    private DraftSectionView sectionView(String id, String title, Draft.DraftSection d) {
        List<DraftGroupView> groups = new ArrayList<>();
        List<String> names = new ArrayList<>();
        review.config().sources().stream().filter(src -> src.section().equals(id)).map(SourceConfig::group)
                .filter(g -> !g.isEmpty() && !names.contains(g)).forEach(names::add);
        if (d != null) {
            for (Draft.DraftGroup g : d.groups()) {
                List<DraftEntryView> entries = g.entries().stream().map(e -> entryView(id, e)).toList();
                groups.add(new DraftGroupView(g.name(), g.title(), !g.name().isEmpty(), id, entries));
                if (!g.title().isEmpty() && !names.contains(g.title())) {
                    names.add(g.title());
                }
            }
        }
        return new DraftSectionView(id, title, d == null || d.entries().isEmpty(), groups, names);
    }

    private DraftEntryView entryView(String sectionId, Draft.DraftEntry e) {
        List<Option> sections = review.config().sections().stream()
                .map(s -> new Option(s.id(), s.title(), s.id().equals(sectionId))).toList();
        long id = Long.parseLong(e.key().substring(e.key().indexOf(':') + 1));
        List<String> earlier = e.item() == null ? List.of() : e.item().item().earlierIssues();
        String date = e.day() == null ? null : lang.date(e.day());
        String href = WebLinks.safe(e.url()).orElse(null);
        // what the entry is, in one line: date, publisher, whose text, earlier issues, an address that is no link
        List<String> meta = new ArrayList<>();
        java.util.stream.Stream.of(date, e.publisher(), e.handwritten() ? lang.label("handwritten") : e.edited() ? lang.label("edited") : null,
                earlierIssues(earlier), href == null && e.url() != null && !e.url().isBlank() ? e.url() : null)
                .filter(x -> x != null && !x.isBlank()).forEach(meta::add);
        return new DraftEntryView(e.key(), id, e.handwritten(), e.title(), e.text(), e.summary(),
                e.day() == null ? null : e.day().toString(), href, e.url(), sections, String.join(" · ", meta));
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

    /**
     * One source as the sources page shows it. {@code standing} is {@code failing}, {@code warning}
     * or {@code ok} ({@link Review.SourceHealth#standing()}); {@code outcome} is the last round's
     * outcome in words, {@code remark} the crawler's own text (its error or warnings), kept as the detail.
     */
    record SourceView(String id, String name, String section, String url, String href, String health, String healthLabel,
            String standing, String outcome, String lastSuccess, String lastAttempt, int failures, int itemsLastTime, String remark) {}

    Response sources(Request request) throws StoreException {
        List<SourceView> rows = new ArrayList<>();
        int failing = 0;
        int warning = 0;
        for (Review.SourceHealth h : review.sourcesWorstFirst()) {
            SourceConfig s = h.source();
            SourceState st = h.state();
            String remark = st.lastOutcome() != null && st.lastOutcome().isFailure() ? st.lastError() : HealthRules.warning(st);
            String section = review.config().section(s.section()).map(Section::title).orElse(s.section());
            String standing = h.standing();
            failing += standing.equals(Review.SourceHealth.FAILING) ? 1 : 0;
            warning += standing.equals(Review.SourceHealth.WARNING) ? 1 : 0;
            rows.add(new SourceView(s.id(), s.name(), section, s.url().toString(), WebLinks.safe(s.url().toString()).orElse(null),
                    h.health(), healthLabel(h.health()), standing, st.lastOutcome() == null ? null : outcomeLabel(st.lastOutcome()),
                    dateTime(st.lastSuccess()), dateTime(st.lastAttempt()), st.consecutiveFailures(), st.itemsLastTime(), remark));
        }
        Map<String, Object> scope = base("sources", lang.label("navSources"), null);
        scope.put("sources", rows);
        String summary = lang.format("sourcesFailing", failing, rows.size());
        if (warning > 0) {
            summary += " · " + lang.format("sourcesWarning", warning);
        }
        scope.put("summary", summary);
        // for the script's message after "Hent på nytt": the outcome in words, not its code
        scope.put("outcomeLabels", Arrays.stream(no.kildevakt.store.Outcome.values())
                .map(o -> new Option(o.code(), outcomeLabel(o), false)).toList());
        return page("sources", scope);
    }

    /** A health word in the page's language; a word without a label is not shown as a code but as "unknown". */
    String healthLabel(String health) {
        return lang.labels().getOrDefault(labelKey("health", health), lang.label("unknown"));
    }

    /** How a round went, in the page's language ("serverfeil", "tidsavbrudd"), never the code. */
    String outcomeLabel(no.kildevakt.store.Outcome outcome) {
        return lang.labels().getOrDefault(labelKey("outcome", outcome.code()), lang.label("unknown"));
    }

    private static String labelKey(String prefix, String code) {
        return prefix + Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    private String dateTime(Instant instant) {
        if (instant == null) {
            return lang.label("never");
        }
        var local = instant.atZone(Oslo.ZONE);
        return lang.date(local.toLocalDate()) + " " + TIME.format(local);
    }

    // ------------------------------------------------------------------ links

    /** One citation: the issue and place in it in the page's language, and the words linked. */
    record PlaceView(String place, String text) {}

    record LinkView(String url, String href, String status, String statusLabel, String httpStatus, String finalUrl, String error,
            List<PlaceView> where) {}

    record ReportView(String checked, String scope, List<LinkView> links) {}

    Response links(Request request) throws StoreException {
        Map<String, Object> scope = base("links", lang.label("navLinks"), null);
        review.latestLinkReport().ifPresent(r -> scope.put("report", new ReportView(
                lang.format("linksChecked", dateTime(r.checkedAt())), r.scope(),
                r.links().stream().map(l -> new LinkView(l.url(), WebLinks.safe(l.url()).orElse(null),
                        l.status().code(), lang.labels().getOrDefault(labelKey("link", l.status().code()), l.status().code()),
                        l.httpStatus() == 0 ? null : Integer.toString(l.httpStatus()),
                        l.finalUrl(), l.error(), l.where().stream().map(this::place).toList())).toList())));
        return page("links", scope);
    }

    /** Words of an extractor's location ({@code line 1, link 3}, {@code table 1, row 2, cell 3}). */
    private static final java.util.regex.Pattern PLACE_WORD =
            java.util.regex.Pattern.compile("\\b(line|lines|link|page|paragraph|table|row|cell|header|footer|footnote|endnote|comment|content control)\\b");

    /** "Nyhetsbrev 2024-Q4, linje 1, lenke 3": the extractor's English place words in the page's language. */
    private PlaceView place(LinkReports.Place p) {
        String location = PLACE_WORD.matcher(p.location()).replaceAll(
                m -> java.util.regex.Matcher.quoteReplacement(lang.labels().getOrDefault(labelKey("place", m.group(1).replace(' ', '_')), m.group(1))));
        return new PlaceView(p.document() + (location.isBlank() ? "" : ", " + location), p.text());
    }
}
