package no.kildevakt.rank.learn;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.date.Oslo;
import no.kildevakt.store.Decisions;
import no.kildevakt.store.LinkRecords;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;

/**
 * The examples the store holds: each item's latest accept or reject (a decision taken back stops
 * counting; items an added issue links to were recorded as accepted for its period) and the entries
 * of the past issues added with {@code issues add}.
 */
public final class StoredEvidence {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");

    private StoredEvidence() {}

    /** Every example in the store, decisions first, in the order they were taken. */
    public static List<Example> examples(Store store) throws StoreException {
        List<Example> examples = new ArrayList<>();
        for (Decisions.Latest d : store.decisions().latest()) {
            boolean accepted = d.decision() == ReviewStatus.ACCEPTED;
            LocalDate day = d.decidedAt() == null ? null : d.decidedAt().atZone(Oslo.ZONE).toLocalDate();
            examples.add(new Example(d.title(), d.summary(), d.source(), d.section(), day, accepted, precedent(accepted, day, d.period())));
        }
        for (LinkRecords.StoredEntry e : store.links().entries()) {
            String issue = e.period() != null ? e.period() : "«" + (e.issueTitle() == null ? "" : e.issueTitle()) + "»";
            LocalDate day = e.addedAt() == null ? null : e.addedAt().atZone(Oslo.ZONE).toLocalDate();
            examples.add(new Example(e.entry().heading(), e.entry().text(), null, null, day, true, "i nummer " + issue));
        }
        return examples;
    }

    /** "tatt med 12.10.2024", "avvist 12.10.2024", or for a decision taken for an issue "i nummer 2024-Q3". */
    static String precedent(boolean accepted, LocalDate day, String period) {
        if (accepted && period != null && !period.isBlank()) {
            return "i nummer " + period;
        }
        String verb = accepted ? "tatt med" : "avvist";
        return day == null ? verb : verb + " " + DAY.format(day);
    }
}
