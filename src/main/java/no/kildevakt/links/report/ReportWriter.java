package no.kildevakt.links.report;

import java.io.IOException;
import no.kildevakt.links.LinkReport;

/** Writes a {@link LinkReport} in one format. Everything from documents or servers is escaped for it. */
public interface ReportWriter {
    void write(LinkReport report, Appendable out) throws IOException;
}
