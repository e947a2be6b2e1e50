package no.kildevakt.links;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import no.kildevakt.fetch.Fetch;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.FetchRequest;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.links.check.CheckUrls;
import no.kildevakt.links.extract.ExtractedDocument;
import no.kildevakt.links.extract.LinkExtractor;

/**
 * Reads published issues from where an editor points: a file, a folder of them, or the URL the
 * issue was published at (fetched through the crawler's fetch layer with its limits, the format
 * taken from the Content-Type). Shared by {@code check-links} and {@code issues add}.
 */
public final class IssueLoader {
    private final LinkExtractor extractor;
    private final Fetch fetch;

    public IssueLoader(LinkExtractor extractor, Fetch fetch) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
    }

    /** Whether a command-line argument names a published issue by URL rather than a file. */
    public static boolean isUrl(String target) {
        return CheckUrls.http(target).isPresent();
    }

    /**
     * The documents at {@code target}: one for a file or URL, every issue file for a folder.
     *
     * @throws java.nio.file.NoSuchFileException when a path does not exist
     * @throws FetchException                    when a URL cannot be fetched
     * @throws IOException                       when a folder cannot be listed
     */
    public List<ExtractedDocument> load(String target) throws IOException {
        if (!isUrl(target)) {
            return extractor.extractPath(Path.of(target));
        }
        URI uri;
        try {
            uri = new URI(CheckUrls.key(target));
        } catch (URISyntaxException e) {
            throw new IOException(target + ": not a usable URL: " + e.getMessage(), e);
        }
        FetchResponse response = fetch.fetch(FetchRequest.of(uri));
        // named by where it ended up, so its relative links resolve as a browser would resolve them
        return List.of(extractor.extract(response.finalUrl().toString(), response.body(), response.contentType()));
    }
}
