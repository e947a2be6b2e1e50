package no.kildevakt.links.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A folder holds more issue files than one run reads ({@link LinkExtractor#withMaxFiles}): nothing of
 * it was read. Why a limit: a newsletter's archive is some dozens of issues, and a mistyped folder
 * ({@code /tmp}, a home folder, a mirrored web site) can hold thousands of HTML and text files whose
 * hundreds of thousands of links would each be fetched, or each stored as an issue. The command says
 * so in one line and stops before it has touched the network or the database.
 */
public final class TooManyFilesException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path folder;
    private final int found;
    private final int limit;

    TooManyFilesException(Path folder, int found, int limit) {
        super(String.format(Locale.ROOT, "%s holds %,d issue files (.pdf .html .htm .md .markdown .docx .txt), more than the %,d"
                + " read from one folder; nothing was read", folder, found, limit));
        this.folder = folder;
        this.found = found;
        this.limit = limit;
    }

    /** The folder named. */
    public Path folder() {
        return folder;
    }

    /** How many issue files it holds (counted to the end of the walk). */
    public int found() {
        return found;
    }

    /** The limit they exceed. */
    public int limit() {
        return limit;
    }
}
