package no.kildevakt.item;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;
import no.kildevakt.text.Ascii;
import no.kildevakt.text.TagFacts;

/**
 * Feed titles and summaries arrive as HTML, as text with entities, or as a mix, and the
 * editors, the database and the relevance rules all want one line of clean text. This class
 * makes that text in one pass over the markup (no DOM: every item's title and summary comes
 * through here), with jsoup's tag facts and character references.
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
public final class PlainText {

    private static final String ELLIPSIS = "\u2026";

    /** Elements that are not block-level for jsoup but still separate words when rendered. */
    static final Set<String> WORD_SEPARATING = Set.of("br", "td", "th", "li", "dt", "dd", "tr", "img", "hr", "option");

    private static final Pattern ENCODED_AGAIN = Pattern.compile(
            "&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|<(!--|/?[A-Za-z][A-Za-z0-9]*)[^<>]*>");

    private PlainText() {
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
    static boolean looksEncodedAgain(String text) {
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
            raw = html; // nothing to parse
        } else {
            raw = visibleText(html);
        }
        return clean(raw);
    }

    /** Elements whose content is raw text (no tags inside), up to their end tag. */
    private static final Set<String> RAW = Set.of("script", "style", "iframe", "xmp", "noembed", "noframes", "textarea", "title");
    /** Raw text elements whose character references are decoded (RCDATA). */
    private static final Set<String> RCDATA = Set.of("textarea", "title");
    /** Elements with markup inside whose whole content is code or fallback (the rest of the no-text elements). */
    private static final Set<String> NO_TEXT_CONTAINERS = Set.of("noscript", "template", "object", "svg", "math");
    /** Raw text elements whose content jsoup keeps as data, not text (dropped with it). */
    private static final Set<String> NO_TEXT_RAW = Set.of("script", "style", "iframe", "xmp", "noembed", "noframes");

    /**
     * The text of an HTML fragment in one pass over it, without building a DOM: tags dropped, the
     * no-text elements dropped with their content, a space where a block element (or a {@link
     * #WORD_SEPARATING} one) starts or ends, character references decoded as jsoup decodes them. It
     * gives what the former jsoup parse-and-walk gave on the feed and page corpora (see the tests'
     * comparison), at a fraction of the CPU: titles and summaries of every item go through here.
     * A tag cut off by the end of the text is dropped, as a parser drops it.
     */
    static String visibleText(String html) {
        int n = html.length();
        StringBuilder text = new StringBuilder(n);
        // the next '&' at or after where the text has been read to: found once, not asked for again by every
        // run of text between two tags (each asking read on to the end of the html when it held none)
        int nextAmp = html.indexOf('&');
        String skipping = null; // a no-text container being read past, and how deep in it we are
        int skipDepth = 0;
        int i = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (textEnd > i && skipping == null) {
                nextAmp = appendDecoded(text, html, i, textEnd, nextAmp);
            }
            if (lt < 0) {
                break;
            }
            if (lt + 1 >= n) {
                if (skipping == null) {
                    text.append('<');
                }
                break;
            }
            char c = html.charAt(lt + 1);
            if (c == '!' && html.startsWith("<![CDATA[", lt)) {
                int end = html.indexOf("]]>", lt + 9);
                if (skipping == null) {
                    text.append(html, lt + 9, end < 0 ? n : end); // literal text, as jsoup reads it
                }
                i = end < 0 ? n : end + 3;
                continue;
            }
            if (c == '!') {
                int end = html.startsWith("<!--", lt) ? html.indexOf("-->", lt + 4) : html.indexOf('>', lt + 2);
                if (end < 0) {
                    break; // a comment to the end
                }
                i = html.startsWith("<!--", lt) ? end + 3 : end + 1;
                continue;
            }
            if (c == '?' || (c == '/' && lt + 2 < n && !Ascii.isLetter(html.charAt(lt + 2)))) {
                int end = html.indexOf('>', lt + 2);
                if (end < 0) {
                    break;
                }
                i = end + 1; // a bogus comment
                continue;
            }
            boolean endTag = c == '/';
            int nameStart = endTag ? lt + 2 : lt + 1;
            if (nameStart >= n || !Ascii.isLetter(html.charAt(nameStart))) {
                if (endTag) {
                    if (skipping == null) {
                        text.append("</"); // "</" at the very end is text
                    }
                    break;
                }
                if (skipping == null) {
                    text.append('<'); // a '<' that starts no tag is text
                }
                i = lt + 1;
                continue;
            }
            int nameEnd = nameStart;
            while (nameEnd < n && !isTagNameEnd(html.charAt(nameEnd))) {
                nameEnd++;
            }
            int close = tagEnd(html, nameEnd);
            if (close < 0) {
                break; // a tag cut off by the end of the text
            }
            String name = html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT);
            boolean selfClosing = html.charAt(close - 1) == '/' && close - 1 >= nameEnd;
            i = close + 1;
            if (skipping != null) {
                if (name.equals(skipping)) {
                    skipDepth += endTag ? -1 : (selfClosing ? 0 : 1);
                    if (skipDepth == 0) {
                        skipping = null;
                    }
                }
                continue;
            }
            if (endTag) {
                if (separatesWords(name)) {
                    text.append(' ');
                }
                continue;
            }
            if (separatesWords(name)) {
                text.append(' ');
            }
            if (RAW.contains(name)) {
                int end = rawEnd(html, i, name);
                if (!NO_TEXT_RAW.contains(name)) {
                    if (RCDATA.contains(name)) {
                        nextAmp = appendDecoded(text, html, i, end, nextAmp);
                    } else {
                        text.append(html, i, end);
                    }
                }
                int after = end < n ? html.indexOf('>', end) : -1;
                i = after < 0 ? n : after + 1;
                if (separatesWords(name)) {
                    text.append(' ');
                }
            } else if (NO_TEXT_CONTAINERS.contains(name) && !(selfClosing && (name.equals("svg") || name.equals("math")))) {
                skipping = name;
                skipDepth = 1;
            }
        }
        return text.toString();
    }

    /**
     * Appends {@code html[from, to)} with its character references decoded.
     *
     * @param nextAmp the first '&' at or after some index at most {@code from}, or -1 when there is none
     * @return the first '&' at or after {@code from}, or -1
     */
    private static int appendDecoded(StringBuilder text, String html, int from, int to, int nextAmp) {
        int amp = nextAmp < 0 || nextAmp >= from ? nextAmp : html.indexOf('&', from);
        if (amp < 0 || amp >= to) {
            text.append(html, from, to);
        } else {
            text.append(html, from, amp).append(org.jsoup.parser.Parser.unescapeEntities(html.substring(amp, to), false));
        }
        return amp;
    }

    /** The '>' that ends the tag whose attributes start at {@code from} (quoted values may hold '>'), or -1. */
    private static int tagEnd(String html, int from) {
        int n = html.length();
        int i = from;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '>') {
                return i;
            }
            if ((c == '"' || c == '\'') && i > from && html.charAt(i - 1) == '=' ) {
                int q = html.indexOf(c, i + 1);
                if (q < 0) {
                    return -1;
                }
                i = q + 1;
                continue;
            }
            i++;
        }
        return -1;
    }

    /** Where the raw text of {@code name} begun at {@code from} ends: at its end tag, or the end of the text. */
    private static int rawEnd(String html, int from, String name) {
        int i = from;
        while (true) {
            int lt = html.indexOf("</", i);
            if (lt < 0) {
                return html.length();
            }
            int after = lt + 2 + name.length();
            if (after <= html.length() && html.regionMatches(true, lt + 2, name, 0, name.length())
                    && (after == html.length() || isTagNameEnd(html.charAt(after)))) {
                return lt;
            }
            i = lt + 2;
        }
    }

    private static boolean isTagNameEnd(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>';
    }

    private static boolean separatesWords(String name) {
        return WORD_SEPARATING.contains(name) || TagFacts.of(name).block();
    }

    /** Whitespace collapsed, invisible characters removed, NFC. */
    static String clean(String text) {
        char[] chars = text.toCharArray();
        if (mayChangeUnderNfc(chars)) {
            chars = Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray();
        }
        int length = chars.length;
        StringBuilder out = new StringBuilder(length);
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (isPlainVisible(c)) {
                // a run of characters kept as they are, most of any Norwegian text, copied in one go:
                // asking Character about each of them was 6-7% of a first crawl's CPU
                int end = i + 1;
                while (end < length && isPlainVisible(chars[end])) {
                    end++;
                }
                pendingSpace = appendPendingSpace(out, pendingSpace);
                out.append(chars, i, end - i);
                i = end - 1;
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                pendingSpace = appendPendingSpace(out, pendingSpace);
                out.append(c).append(chars[++i]);
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

    /**
     * Whether NFC could change the text: only from U+0300 (the combining marks) on. Below it every
     * character is its own composed form and none composes with its neighbour, so most text skips
     * the normaliser, which had been a third of {@link #clean}'s time.
     */
    private static boolean mayChangeUnderNfc(char[] chars) {
        for (char c : chars) {
            if (c >= '\u0300') {
                return true;
            }
        }
        return false;
    }

    /**
     * Printable ASCII and Latin-1 (æ, ø, å, é, «, »...): never whitespace, control or invisible, so
     * {@link #clean} keeps them without the general questions below.
     */
    private static boolean isPlainVisible(char c) {
        return (c > ' ' && c < '\u007f') || (c > '\u00a0' && c <= '\u00ff' && c != '\u00ad');
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
