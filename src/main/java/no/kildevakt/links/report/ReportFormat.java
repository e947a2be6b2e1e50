package no.kildevakt.links.report;

import java.util.Locale;

/**
 * The forms a {@code check-links} report comes in: a table for the terminal, JSON for scripts
 * (shape in DESIGN.md), Markdown and HTML to paste or mail to the editors, CSV for a spreadsheet.
 */
public enum ReportFormat {
    TEXT, JSON, MD, HTML, CSV;

    /**
     * The writer for this format; {@code verbose} lists working links one by one in text and Markdown.
     * Passwords in URLs are hidden and over-long URLs cut, in every format ({@link Shown}).
     */
    public ReportWriter writer(boolean verbose) {
        ReportWriter writer = switch (this) {
            case TEXT -> new TextReport(verbose);
            case JSON -> new JsonReport();
            case MD -> new MarkdownReport(verbose);
            case HTML -> new HtmlReport();
            case CSV -> new CsvReport();
        };
        return (report, out) -> writer.write(Shown.report(report), out);
    }

    /** The format named on the command line ("text", "json", "md", "html", "csv"). */
    public static ReportFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
