package no.kildevakt.read.html;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kildevakt.item.UrlCanonicalizer;
import no.kildevakt.text.CharsetSniffer;
import no.kildevakt.text.DecodedText;
import org.jsoup.nodes.Document;

/**
 * A fetched HTML page, decoded and parsed, with the base its links resolve against.
 *
 * <p>Bytes are decoded by {@link CharsetSniffer} (BOM, HTTP header, {@code <meta charset>}),
 * never by jsoup's own guess, so a page and a feed from one server come out in the same
 * charset for the same reasons. jsoup then parses as a browser would and applies the first
 * {@code <base href>}; {@link #resolve} resolves against that base and canonicalises, and
 * refuses everything that is not http(s) ({@code javascript:}, {@code mailto:}, {@code data:}).
 * The body is already bounded by the fetcher's {@code max_body}, and the DOM by
 * {@link BoundedHtmlParser}'s element budget, since a page under {@code max_body} can still be
 * all elements; a page over it is read up to it, with a warning.
 *
 * @param url      the URL the page was fetched from (after redirects)
 * @param document the parsed document
 * @param base     what relative links resolve against: {@code <base href>} or {@code url}
 * @param decoded  how the bytes were decoded, with the charset warnings
 * @param warnings what is worth passing on: the charset warnings, and that the page was cut at the element budget
 * @param cut      why the page was read only in part (the element budget ran out), or empty when it was read whole:
 *                 a cut page that gives nothing is its source's failure, not an empty listing
 */
public record HtmlPage(URI url, Document document, URI base, DecodedText decoded, List<String> warnings, String cut) {
    private static final UrlCanonicalizer CANONICALIZER = new UrlCanonicalizer();

    public HtmlPage {
        warnings = List.copyOf(warnings);
        cut = cut == null ? "" : cut;
    }

    /** Decodes and parses {@code body} within the default element budget; never throws on bad markup. */
    public static HtmlPage parse(byte[] body, String contentType, URI url) {
        return parse(body, contentType, url, BoundedHtmlParser.DEFAULT);
    }

    /** Decodes and parses {@code body} with {@code parser}; never throws on bad markup (jsoup repairs it as browsers do). */
    public static HtmlPage parse(byte[] body, String contentType, URI url, BoundedHtmlParser parser) {
        DecodedText decoded = CharsetSniffer.decode(body, contentType);
        BoundedHtmlParser.Parsed parsed = parser.parse(decoded.text(), url.toString());
        Document document = parsed.document();
        List<String> warnings = new ArrayList<>(decoded.warnings());
        if (parsed.truncated()) {
            warnings.add(parsed.warning());
        }
        URI base = url;
        try {
            String declared = document.baseUri();
            if (declared != null && !declared.isBlank()) {
                base = CANONICALIZER.canonicalize(declared, url).map(URI::create).orElse(url);
            }
        } catch (IllegalArgumentException e) {
            base = url; // a <base href> that no URI parser takes is ignored, as browsers ignore it
        }
        return new HtmlPage(url, document, base, decoded, warnings, parsed.warning());
    }

    /** {@code href} resolved against the base and canonicalised; empty when it is no http(s) link. */
    public Optional<String> resolve(String href) {
        if (href == null || href.isBlank() || href.strip().startsWith("#")) {
            return Optional.empty();
        }
        return CANONICALIZER.canonicalize(href, base);
    }

    /** The page's {@code <title>}, plain; empty when it has none. */
    public String title() {
        return document.title().strip();
    }
}
