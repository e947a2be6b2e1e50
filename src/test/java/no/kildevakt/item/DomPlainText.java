package no.kildevakt.item;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The jsoup-DOM version of {@link PlainText#of} that its one-pass reading replaced, kept in the
 * tests as the reference it must agree with on the corpora. Only the reading of the markup is the
 * old one (a jsoup DOM walked for its text); the rest, what is made of that text (whitespace,
 * invisible characters, NFC, the second pass for double encoding), is {@link PlainText}'s own, so
 * the comparison tests the one thing that changed.
 */
final class DomPlainText {

    /** Elements whose content is code, styling or fallback, never reader-visible prose (parsed once). */
    private static final org.jsoup.select.Evaluator NO_TEXT_ELEMENTS = org.jsoup.select.QueryParser.parse(
            "script, style, noscript, template, iframe, object, embed, svg, math, head");

    private DomPlainText() {
    }

    /** The plain text of {@code html} (or of text with entities); empty for null. */
    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = onePass(html);
        if (PlainText.looksEncodedAgain(text)) {
            text = onePass(text);
        }
        return text;
    }

    private static String onePass(String html) {
        String raw;
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            raw = html; // nothing to parse: spare the DOM
        } else {
            Document document = Jsoup.parseBodyFragment(html);
            document.select(NO_TEXT_ELEMENTS).remove();
            raw = collectText(document.body());
        }
        return PlainText.clean(raw);
    }

    /** Text of the tree, with a space wherever a rendering browser would break words. */
    private static String collectText(Element root) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element && separatesWords(element)) {
                    text.append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && separatesWords(element)) {
                    text.append(' ');
                }
            }
        }, root);
        return text.toString();
    }

    private static boolean separatesWords(Element element) {
        return element.tag().isBlock() || PlainText.WORD_SEPARATING.contains(element.normalName());
    }
}
