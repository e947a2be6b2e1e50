package no.kildevakt.links.extract;

import no.kildevakt.text.CharsetSniffer;
import no.kildevakt.text.DecodedText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Links of an HTML issue: {@code a[href]} and image-map {@code area[href]}, resolved against the first
 * {@code <base href>} or else the issue's own URL, each with the source line its start tag is on (so an
 * editor can find it in the file they published). The charset is chosen as for crawled pages
 * ({@link CharsetSniffer}); jsoup builds the tree the way a browser would, so hostile or broken markup
 * yields the links a reader sees.
 */
final class HtmlExtractor implements FormatExtractor {

    @Override
    public ExtractedDocument extract(Source source) {
        Occurrences out = new Occurrences(source.document());
        DecodedText decoded = CharsetSniffer.decode(source.content(), source.contentType());
        out.warnAll(decoded.warnings());
        Document doc = collect(decoded.text(), source.base(), 0, out);
        String title = doc.title();
        if (title.isBlank()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? "" : h1.text();
        }
        return out.result(DocumentType.HTML, title);
    }

    /**
     * Adds the links of {@code html} to {@code out}; {@code lineOffset} is added to line numbers (for HTML
     * embedded in a Markdown file). Returns the parsed document.
     */
    static Document collect(String html, String base, int lineOffset, Occurrences out) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = Jsoup.parse(html, base == null ? "" : base, parser);
        String effectiveBase = doc.baseUri().isEmpty() ? null : doc.baseUri();
        LineIndex lines = LineIndex.of(html);
        for (Element link : doc.select("a[href], area[href]")) {
            int line = link.sourceRange().isTracked() ? lines.lineOf(link.sourceRange().startPos()) : 1;
            out.add(link.attr("href"), effectiveBase, "line " + (line + lineOffset), label(link));
        }
        return doc;
    }

    /** What a reader sees as the link: its text, else its accessible name, else an image's alt text. */
    private static String label(Element link) {
        String text = link.text();
        if (!text.isBlank()) {
            return text;
        }
        for (String attribute : new String[] {"aria-label", "title", "alt"}) {
            if (!link.attr(attribute).isBlank()) {
                return link.attr(attribute);
            }
        }
        Element img = link.selectFirst("img[alt]");
        return img == null ? "" : img.attr("alt");
    }
}
