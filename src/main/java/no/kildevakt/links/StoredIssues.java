package no.kildevakt.links;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kildevakt.links.check.CheckUrls;
import no.kildevakt.links.extract.ExtractedDocument;
import no.kildevakt.links.extract.LinkOccurrence;
import no.kildevakt.store.LinkRecords;
import no.kildevakt.store.StoreException;

/**
 * Published issues as the store keeps them: {@code issues add} stores a read issue's citations, and
 * {@code check-links --issues} reads them back as documents to check. Both directions of that mapping
 * live here, beside the reading and checking of issues, so that what is stored and what is read back
 * cannot drift apart.
 */
public final class StoredIssues {
    private StoredIssues() {}

    /** A read issue's citations as rows to store, each with the URL it is checked (and cached) under. */
    public static List<LinkRecords.IssueLink> links(ExtractedDocument document) {
        List<LinkRecords.IssueLink> links = new ArrayList<>();
        for (LinkOccurrence o : document.links()) {
            links.add(new LinkRecords.IssueLink(o.url(), CheckUrls.key(o.url()), o.location(), o.text()));
        }
        return links;
    }

    /**
     * The stored issues as documents, their citations as recorded when they were added; an issue
     * with no links is still a document, so that the report counts it among the issues read.
     */
    public static List<ExtractedDocument> documents(LinkRecords records) throws StoreException {
        Map<String, List<LinkOccurrence>> bySource = new LinkedHashMap<>();
        for (LinkRecords.Issue issue : records.issues()) {
            bySource.put(issue.source(), new ArrayList<>());
        }
        for (LinkRecords.CitedLink cited : records.citedLinks()) {
            LinkRecords.IssueLink l = cited.link();
            bySource.computeIfAbsent(cited.source(), s -> new ArrayList<>())
                    .add(new LinkOccurrence(l.url(), cited.source(), l.location(), l.text()));
        }
        List<ExtractedDocument> documents = new ArrayList<>();
        bySource.forEach((source, links) -> documents.add(new ExtractedDocument(source, "stored", "", links, List.of())));
        return documents;
    }
}
