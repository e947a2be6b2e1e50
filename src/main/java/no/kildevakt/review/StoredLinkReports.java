package no.kildevakt.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kildevakt.links.UrlPasswords;
import no.kildevakt.store.LinkRecords;
import no.kildevakt.store.LinkStatus;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;

/**
 * The latest dead-link report, read from what {@code check-links --issues} keeps in the store: every
 * link cited by a stored past issue whose latest check did not come back ok, worst first (broken,
 * error, blocked, then redirects to update), each with the issues and places that cite it. There is
 * no report until some cited link has been checked.
 */
public final class StoredLinkReports implements LinkReports {
    private static final List<LinkStatus> WORST_FIRST = List.of(LinkStatus.BROKEN, LinkStatus.ERROR, LinkStatus.BLOCKED, LinkStatus.REDIRECT);

    private final Store store;

    public StoredLinkReports(Store store) {
        this.store = store;
    }

    @Override
    public Optional<Report> latest() throws StoreException {
        LinkRecords records = store.links();
        List<LinkRecords.Issue> issues = records.issues();
        if (issues.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, String> issueNames = new LinkedHashMap<>();
        issues.forEach(i -> issueNames.put(i.id(), i.title() == null || i.title().isBlank() ? i.source() : i.title()));
        Map<String, List<LinkRecords.CitedLink>> byUrl = new LinkedHashMap<>();
        for (LinkRecords.CitedLink c : records.citedLinks()) {
            byUrl.computeIfAbsent(c.link().checkUrl(), k -> new ArrayList<>()).add(c);
        }
        Map<String, LinkRecords.LinkCheck> checks = records.checks(byUrl.keySet());
        if (checks.isEmpty()) {
            return Optional.empty();
        }
        Instant checkedAt = checks.values().stream().map(LinkRecords.LinkCheck::checkedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<Link> links = new ArrayList<>();
        for (var entry : byUrl.entrySet()) {
            LinkRecords.LinkCheck check = checks.get(entry.getKey());
            if (check == null || !WORST_FIRST.contains(check.status())) {
                continue; // not checked yet, fine, or skipped
            }
            List<Place> where = entry.getValue().stream()
                    .map(c -> new Place(UrlPasswords.hide(issueNames.getOrDefault(c.issueId(), c.source())), c.link().location(),
                            UrlPasswords.hide(c.link().text())))
                    .distinct().toList();
            // the page is read over the shoulder and screenshotted like any report: no password shows
            links.add(new Link(UrlPasswords.hide(entry.getValue().get(0).link().url()), check.status(), check.httpStatus(),
                    UrlPasswords.hide(check.finalUrl()), UrlPasswords.hide(check.error()), where));
        }
        links.sort(Comparator.comparingInt(l -> WORST_FIRST.indexOf(l.status())));
        String scope = UrlPasswords.hide(String.join(", ", issueNames.values()));
        return Optional.of(new Report(checkedAt, scope, links));
    }
}
