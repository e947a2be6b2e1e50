package no.kildevakt.links.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.parse.CharsetSniffer;
import no.kildevakt.parse.DecodedText;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Links of a Markdown issue, as a CommonMark renderer would make them: inline links, reference links
 * (reported where they are used, not where defined), autolinks ({@code <https://...>},
 * {@code <name@example.no>}), {@code <a href>} in raw HTML blocks and inline HTML, and bare URLs in the
 * text (which GitHub and most newsletter tools turn into links). Line numbers come from CommonMark's
 * source spans.
 *
 * <p>Bare URLs are found with {@link TextUrls} in text nodes, because {@code commonmark-ext-autolink}
 * is not on the classpath; the extension (autolink-java) would also find {@code www.} links glued to
 * punctuation the way GitHub does. URLs inside code spans and code blocks are not links and are
 * skipped; so are images (not links a reader follows) and unused reference definitions (not shown).
 * A YAML front matter block is read for its {@code title:} and otherwise ignored (CommonMark would make
 * it a heading).
 */
final class MarkdownExtractor implements FormatExtractor {
    private static final Pattern FRONT_MATTER =
            Pattern.compile("\\A---[ \\t]*\\R(.*?\\R)?---[ \\t]*(\\R|\\z)", Pattern.DOTALL);
    private static final Pattern FRONT_MATTER_TITLE =
            Pattern.compile("(?m)^title:[ \\t]*(?:\"(.*)\"|'(.*)'|(.*?))[ \\t]*$");
    private static final Pattern CLOSING_A = Pattern.compile("(?i)^</a\\s*>$");

    private final Parser parser = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    @Override
    public ExtractedDocument extract(Source source) {
        Occurrences out = new Occurrences(source.document());
        DecodedText decoded = CharsetSniffer.decode(source.content(), source.contentType());
        out.warnAll(decoded.warnings());
        String text = decoded.text();
        String title = "";
        Matcher frontMatter = FRONT_MATTER.matcher(text);
        if (frontMatter.find()) {
            Matcher t = FRONT_MATTER_TITLE.matcher(frontMatter.group(1) == null ? "" : frontMatter.group(1));
            if (t.find()) {
                title = t.group(1) != null ? t.group(1) : t.group(2) != null ? t.group(2) : t.group(3);
            }
            // blank the block but keep its line breaks, so line numbers stay those of the file
            text = frontMatter.group().replaceAll("[^\\r\\n]", "") + text.substring(frontMatter.end());
        }
        LinkVisitor visitor = new LinkVisitor(out, source.base());
        parser.parse(text).accept(visitor);
        return out.result(DocumentType.MARKDOWN, title.isBlank() ? visitor.firstHeading : title);
    }

    /** 1-based line of a node's start, from its source span. */
    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (!spans.isEmpty()) {
            return spans.get(0).getLineIndex() + 1;
        }
        return node.getParent() == null ? 1 : line(node.getParent());
    }

    /** The text a reader sees in {@code node}: text and code literals, image alt text. */
    private static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak softLineBreak) {
                sb.append(' ');
            }
        });
        return sb.toString();
    }

    private static final class LinkVisitor extends AbstractVisitor {
        private final Occurrences out;
        private final String base;
        private String firstHeading = "";

        LinkVisitor(Occurrences out, String base) {
            this.out = out;
            this.base = base;
        }

        @Override
        public void visit(Heading heading) {
            if (firstHeading.isEmpty()) {
                firstHeading = plainText(heading);
            }
            visitChildren(heading);
        }

        @Override
        public void visit(Link link) {
            out.add(link.getDestination(), base, "line " + line(link), plainText(link));
            // children are the link's text: a URL there is this link's label, not another link
        }

        @Override
        public void visit(Image image) {
            // an image is shown, not followed
        }

        @Override
        public void visit(Text text) {
            String location = "line " + line(text);
            for (TextUrls.Found found : TextUrls.find(text.getLiteral())) {
                out.addBare(found.url(), location);
            }
        }

        @Override
        public void visit(Code code) {
            // code is shown as written, not linked
        }

        @Override
        public void visit(FencedCodeBlock block) {
            // as for code spans
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            // as for code spans
        }

        @Override
        public void visit(HtmlBlock block) {
            HtmlExtractor.collect(block.getLiteral(), base, line(block) - 1, out);
        }

        @Override
        public void visit(HtmlInline html) {
            Element anchor = Jsoup.parseBodyFragment(html.getLiteral()).selectFirst("a[href], area[href]");
            if (anchor == null) {
                return;
            }
            StringBuilder label = new StringBuilder();
            for (Node next = html.getNext(); next != null; next = next.getNext()) {
                if (next instanceof HtmlInline closing && CLOSING_A.matcher(closing.getLiteral().strip()).matches()) {
                    break;
                }
                label.append(plainText(next));
            }
            out.add(anchor.attr("href"), base, "line " + line(html), label.toString());
        }
    }
}
