package no.kildevakt.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.kildevakt.links.extract.ExtractedDocument;
import no.kildevakt.links.extract.LinkOccurrence;
import no.kildevakt.store.LinkRecords;
import no.kildevakt.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An issue stored by {@code issues add} comes back to {@code check-links --issues} with the citations it was read with. */
class StoredIssuesTest {
    @TempDir
    Path dir;

    @Test
    void storedIssuesComeBackAsTheDocumentsTheyWereReadFrom() throws Exception {
        ExtractedDocument read = new ExtractedDocument("issues/2024-4.pdf", "pdf", "Nyhetsbrev 4/2024", List.of(
                new LinkOccurrence("https://Example.org/plan#del-2", "issues/2024-4.pdf", "page 2", "Handlingsplan"),
                new LinkOccurrence("https://example.org/rapport", "issues/2024-4.pdf", "page 3", "")), List.of());
        ExtractedDocument empty = new ExtractedDocument("issues/2025-1.md", "md", "", List.of(), List.of());
        try (Store store = Store.open(dir.resolve("k.db"))) {
            LinkRecords records = store.links();
            List<LinkRecords.IssueLink> rows = StoredIssues.links(read);
            assertEquals(List.of("https://example.org/plan", "https://example.org/rapport"),
                    rows.stream().map(LinkRecords.IssueLink::checkUrl).toList(), "checked (and cached) under the check key");
            records.saveIssue(read.document(), read.title(), "2024-Q4", read.type(), rows, Instant.EPOCH);
            records.saveIssue(empty.document(), "1/2025", null, empty.type(), StoredIssues.links(empty), Instant.EPOCH);

            Map<String, ExtractedDocument> back = StoredIssues.documents(records).stream()
                    .collect(Collectors.toMap(ExtractedDocument::document, d -> d));

            assertEquals(Set.of("issues/2024-4.pdf", "issues/2025-1.md"), back.keySet());
            assertEquals(read.links(), back.get("issues/2024-4.pdf").links());
            assertEquals(List.of(), back.get("issues/2025-1.md").links(), "an issue without links is still one of the issues read");
            assertEquals("stored", back.get("issues/2024-4.pdf").type());
        }
    }
}
