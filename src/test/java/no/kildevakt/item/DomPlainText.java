package no.kildevakt.item;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The jsoup-DOM version of {@link PlainText#of} that its one-pass reading replaced, kept in the
 * tests as the reference it must agree with on the corpora.
 *
 * <p>Feed titles and summaries arrive as HTML, as text with entities, or as a mix, and the
 * editors, the database and the relevance rules all want one line of clean text. This class
 * makes that text with jsoup.
 *
 * <p>Rules:
 * <ul>
 *   <li>tags are dropped; block elements, {@code <br>}, list items and table cells separate
 *       words with a space, inline elements ({@code <b>}, {@code <a>}) do not;</li>
 *   <li>{@code <script>}, {@code <style>}, {@code <noscript>}, {@code <template>},
 *       {@code <iframe>}, {@code <object>}, {@code <svg>}, {@code <math>} and comments
 *       contribute no text;</li>
 *   <li>entities are decoded. <b>Double encoding</b> ({@code &amp;aring;},
 *       {@code &lt;p&gt;}) is decoded once more: when the text left after the first pass still
 *       holds a known entity reference ending in {@code ;} or something shaped like a tag, the
 *       text goes through the whole conversion a second time (never more). Publishing systems
 *       that escape twice are common; prose that really means the literal string
 *       {@code &aring;} is not, in our sources;</li>
 *   <li>all Unicode whitespace (NBSP, thin spaces, line and paragraph separators ...) becomes a
 *       space and runs of spaces collapse to one; the text is trimmed;</li>
 *   <li>invisible characters that break search and dedupe are removed: control characters,
 *       zero-width space, word joiner, BOM, soft hyphen, and unpaired surrogates. Zero-width
 *       (non-)joiners stay, because emoji and some scripts need them;</li>
 *   <li>the result is in Unicode NFC, so {@code å} typed two ways compares equal.</li>
 * </ul>
 * Everything is static and pure: the class holds no state.
 */
final class DomPlainText {

    private static final String ELLIPSIS = "\u2026";

    /** Elements whose content is code, styling or fallback, never reader-visible prose (parsed once). */
    private static final org.jsoup.select.Evaluator NO_TEXT_ELEMENTS = org.jsoup.select.QueryParser.parse(
            "script, style, noscript, template, iframe, object, embed, svg, math, head");

    /** Elements that are not block-level for jsoup but still separate words when rendered. */
    private static final Set<String> WORD_SEPARATING = Set.of("br", "td", "th", "li", "dt", "dd", "tr", "img", "hr", "option");

    private static final Pattern ENCODED_AGAIN = Pattern.compile(
            "&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|<(!--|/?[A-Za-z][A-Za-z0-9]*)[^<>]*>");

    private DomPlainText() {
    }

    /** The plain text of {@code html} (or of text with entities); empty for null. */
    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = onePass(html);
        if (looksEncodedAgain(text)) {
            text = onePass(text);
        }
        return text;
    }

    /**
     * The plain text of {@code html}, cut to at most {@code maxChars} characters. A cut text
     * ends at a word boundary (when one lies in the last half) and with {@code …}, which counts
     * towards the limit.
     *
     * @throws IllegalArgumentException when {@code maxChars} is less than 1
     */
    public static String summary(String html, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
        }
        return truncate(of(html), maxChars);
    }

    /** Cuts already plain {@code text} as {@link #summary} does. */
    static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int limit = maxChars - 1; // room for the ellipsis
        if (limit > 0 && Character.isLowSurrogate(text.charAt(limit))) {
            limit--; // never split a surrogate pair
        }
        int cut = limit;
        if (text.charAt(limit) != ' ') {
            int space = text.lastIndexOf(' ', limit);
            if (space >= limit / 2) {
                cut = space;
            }
        }
        String head = text.substring(0, cut).stripTrailing();
        // a dangling comma or dash before the ellipsis reads badly
        while (!head.isEmpty() && ",;:-\u2013\u2014".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + ELLIPSIS;
    }

    /**
     * Whether text left after one pass still holds markup: a known entity, a comment, or a tag
     * of a known HTML element. Escaped brackets around anything else ({@code <ola@jd.dep.no>},
     * {@code <under 18 år>}) are text that was meant to show brackets.
     */
    private static boolean looksEncodedAgain(String text) {
        if (text.indexOf('&') < 0 && text.indexOf('<') < 0) {
            return false; // the common case, without running the pattern
        }
        var matcher = ENCODED_AGAIN.matcher(text);
        while (matcher.find()) {
            String entity = matcher.group(1);
            if (entity != null) {
                if (entity.startsWith("#") || org.jsoup.nodes.Entities.isNamedEntity(entity)) {
                    return true;
                }
                continue;
            }
            String tag = matcher.group(2);
            String name = tag.startsWith("/") ? tag.substring(1) : tag;
            if (tag.equals("!--") || org.jsoup.parser.Tag.isKnownTag(name.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
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
        return clean(raw);
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
        return element.tag().isBlock() || WORD_SEPARATING.contains(element.normalName());
    }

    /** Whitespace collapsed, invisible characters removed, NFC. */
    static String clean(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < composed.length() && Character.isLowSurrogate(composed.charAt(i + 1))) {
                pendingSpace = appendPendingSpace(out, pendingSpace);
                out.append(c).append(composed.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c) || isInvisible(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = true;
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                continue;
            }
            pendingSpace = appendPendingSpace(out, pendingSpace);
            out.append(c);
        }
        return out.toString();
    }

    private static boolean appendPendingSpace(StringBuilder out, boolean pendingSpace) {
        if (pendingSpace && out.length() > 0) {
            out.append(' ');
        }
        return false;
    }

    private static boolean isInvisible(char c) {
        return c == '\u200b' || c == '\u2060' || c == '\ufeff' || c == '\u00ad';
    }
}
