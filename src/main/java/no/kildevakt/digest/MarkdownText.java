package no.kildevakt.digest;

import java.util.regex.Pattern;

/**
 * Crawled text made literal in Markdown: a title such as {@code [click](javascript:alert(1))} or
 * {@code <img src=x onerror=...>} must come out as those characters, not as a link or raw HTML, when
 * the editor pastes the digest into a Markdown renderer.
 */
public final class MarkdownText {
    /** Characters that start links, images, emphasis, code, raw HTML, entities, tables or strikethrough. */
    private static final Pattern INLINE = Pattern.compile("[\\\\`*_\\[\\]<>&|~!]");
    /** What makes a line a heading, quote, list item, rule or setext underline when it starts one. */
    private static final Pattern LINE_START = Pattern.compile("^([#>+=-])");
    /** An ordered-list marker: the digits stay, the dot or parenthesis after them is escaped. */
    private static final Pattern ORDERED = Pattern.compile("^(\\d{1,9})([.)])");

    private MarkdownText() {}

    /** {@code text} on one line with every Markdown-significant character backslash-escaped. */
    public static String escape(String text) {
        return lineStart(inline(text));
    }

    /**
     * {@code text} on one line with the characters escaped that mean something anywhere in a line; for
     * text that will not start a line (or that goes through {@link #lineStart} once the line is built).
     */
    public static String inline(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return INLINE.matcher(flat).replaceAll(m -> "\\\\\\" + m.group());
    }

    /** A built line with what would make it a heading, quote, list item or rule escaped. */
    public static String lineStart(String line) {
        String escaped = LINE_START.matcher(line).replaceFirst(m -> "\\\\" + m.group(1));
        return ORDERED.matcher(escaped).replaceFirst(m -> m.group(1) + "\\\\" + m.group(2));
    }

    /**
     * A link destination in angle brackets, so parentheses in the URL need no escaping; the caller
     * passes only {@link WebLinks#safe safe} URLs, which hold no spaces or angle brackets.
     */
    public static String destination(String safeUrl) {
        return "<" + safeUrl + ">";
    }
}
