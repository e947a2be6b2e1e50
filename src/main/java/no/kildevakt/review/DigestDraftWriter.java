package no.kildevakt.review;

import no.kildevakt.digest.Digest;
import no.kildevakt.digest.DigestEntry;
import no.kildevakt.digest.DigestFormat;
import no.kildevakt.digest.DigestSection;
import no.kildevakt.store.StoredItem;

/**
 * A draft written by the digest's own Markdown and HTML writers, with the editors' titles and
 * summaries in place of the crawled ones. Stands in until the digest package offers the draft in the
 * newsletter's structure ({@code kildevakt draft}); the page needs only {@link DraftWriter}.
 */
public final class DigestDraftWriter implements DraftWriter {
    @Override
    public String write(Digest draft, DraftFormat format) {
        Digest edited = new Digest(draft.period(), draft.sections().stream()
                .map(s -> new DigestSection(s.id(), s.title(), s.events(), s.known(),
                        s.entries().stream().map(DigestDraftWriter::asEdited).toList()))
                .toList());
        return (format == DraftFormat.MD ? DigestFormat.MD : DigestFormat.HTML).writer().write(edited);
    }

    private static DigestEntry asEdited(DigestEntry e) {
        StoredItem i = e.item();
        StoredItem shown = new StoredItem(i.id(), i.dedupeKey(), i.source(), i.sources(), i.section(), i.draftTitle(), i.url(),
                i.guid(), i.draftSummary(), i.published(), i.updated(), i.eventDate(), i.firstSeen(), i.lastSeen(), i.status(),
                i.note(), i.editedTitle(), i.editedSummary(), i.decidedAt());
        return new DigestEntry(shown, e.section(), e.source(), e.score());
    }

}
