package no.kildevakt.links.extract;

import no.kildevakt.text.CharsetSniffer;
import no.kildevakt.text.DecodedText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Links of an HTML issue: {@code a[href]} and image-map {@code area[href]}, resolved against the first
 * {@code <base href>} or else the issue's own URL, each with the source line its start tag is on (so an
 * editor can find it in the file they published). The charset is chosen as for crawled pages
 * ({@link CharsetSniffer}); jsoup builds the tree the way a browser would, so hostile or broken markup
 * yields the links a reader sees.
 *
 * <p>Its entries come from the text as a reader sees it: {@code h1}–{@code h6} are headings, every
 * other block ({@code p}, {@code li}, {@code td}, {@code div}, ...) is a paragraph, and a block that
 * opens with {@code strong}/{@code b} has a lead-in (all in bold: a heading), as newsletter tools write
 * item titles.
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
        Entries entries = source.entries();
        readEntries(doc.body(), entries);
        return out.result(DocumentType.HTML, title, entries);
    }

    /** Elements that end a run of text: what follows is a new block. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr",
            "table", "tbody", "thead", "tfoot", "blockquote", "section", "article", "header", "footer", "main", "aside",
            "nav", "figure", "figcaption", "pre", "hr", "form", "center", "address", "details", "summary",
            "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> BOLD = Set.of("b", "strong");
    /** Elements whose text no reader sees. */
    private static final Set<String> HIDDEN = Set.of("script", "style", "noscript", "template", "head", "title", "select", "option");

    /** Adds the headings and paragraphs under {@code root}, in document order, to {@code entries}. */
    static void readEntries(Element root, Entries entries) {
        if (root == null) {
            return;
        }
        NodeTraversor.traverse(new EntryWalk(entries), root);
        // the walk ends the last block when it leaves root, which is a block (body) or not (a fragment)
    }

    /** One pass over the tree, cutting its text into blocks at block elements. */
    private static final class EntryWalk implements NodeVisitor {
        private final Entries entries;
        private final StringBuilder block = new StringBuilder();
        /** Characters at the start of the block that are bold; -1 once plain text came first. */
        private int lead;
        private boolean leadOpen = true;
        private int bold;
        private int hidden;
        private boolean heading;

        EntryWalk(Entries entries) {
            this.entries = entries;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (hidden > 0) {
                    return;
                }
                String t = text.text();
                if (t.isBlank()) {
                    if (!block.isEmpty()) {
                        block.append(' ');
                    }
                    return;
                }
                if (leadOpen && bold == 0) {
                    leadOpen = false;
                }
                block.append(t);
                if (leadOpen) {
                    lead = block.length();
                }
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (HIDDEN.contains(tag)) {
                    hidden++;
                } else if (tag.equals("br")) {
                    block.append(' ');
                } else if (BLOCKS.contains(tag)) {
                    end();
                    heading = HEADINGS.contains(tag);
                }
                if (BOLD.contains(tag)) {
                    bold++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (HIDDEN.contains(tag)) {
                    hidden--;
                } else if (BLOCKS.contains(tag) || tag.equals("body") || depth == 0) {
                    end();
                }
                if (BOLD.contains(tag)) {
                    bold--;
                }
            }
        }

        private void end() {
            String text = block.toString();
            if (!text.isBlank()) {
                if (heading) {
                    entries.heading(text);
                } else if (lead > 0 && text.substring(lead).replaceAll("[\\s\\p{P}]", "").isEmpty()) {
                    entries.heading(text);
                } else if (lead > 0 && !text.substring(0, lead).isBlank()) {
                    entries.leadIn(text.substring(0, lead), text.substring(lead));
                } else {
                    entries.paragraph(text);
                }
            }
            block.setLength(0);
            lead = 0;
            leadOpen = true;
            heading = false;
        }
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
