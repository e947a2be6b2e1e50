package no.kildevakt.links.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import no.kildevakt.text.Ascii;

/**
 * What kind of link a URL is, so the checker fetches only what can be fetched and lists everything
 * else as {@code skipped} with a reason an editor understands. Published issues carry many links
 * that are not web pages (e-mail addresses, phone numbers, in-page anchors, links to a local file
 * that only worked on the author's machine); reporting them as broken would be wrong, silently
 * dropping them would hide a mistake.
 */
public enum LinkScheme {
    /** An absolute {@code http:} or {@code https:} URL: the only kind the checker fetches. */
    HTTP("web link"),
    MAILTO("e-mail address"),
    TEL("phone number"),
    JAVASCRIPT("script link"),
    DATA("inline data"),
    FTP("FTP link"),
    FILE("local file link"),
    /** {@code #section}: a place in the same document. */
    FRAGMENT("link within the document"),
    /** A relative link in a document with no base to resolve it against. */
    RELATIVE("relative link without a base URL"),
    /** Any other scheme ({@code sms:}, {@code news:}, {@code x-apple-data-detectors:} ...). */
    OTHER("link with an unsupported scheme"),
    /** Empty, or an http(s) URL without a host. */
    INVALID("malformed link");

    private static final Pattern HTTP_WITH_HOST =
            Pattern.compile("^https?://([^/?#\\s@]*@)?(\\[[0-9a-f:.]+]|[^/?#\\s:@\\[\\]]+)(:\\d*)?([/?#].*)?$",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final String description;

    LinkScheme(String description) {
        this.description = description;
    }

    /** A short human description, for the reason a link is skipped ("e-mail address"). */
    public String description() {
        return description;
    }

    /** Whether the checker may fetch links of this kind. */
    public boolean checkable() {
        return this == HTTP;
    }

    /**
     * Classifies {@code url} as written (leading/trailing white space ignored, scheme case-insensitive).
     * {@code //host/path} counts as {@link #RELATIVE}: the extractor resolves those when it can.
     */
    public static LinkScheme of(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return INVALID;
        }
        if (u.startsWith("#")) {
            return FRAGMENT;
        }
        String scheme = schemeOf(u);
        if (scheme == null) {
            return RELATIVE;
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http", "https" -> HTTP_WITH_HOST.matcher(u).matches() ? HTTP : INVALID;
            case "mailto" -> MAILTO;
            case "tel", "callto" -> TEL;
            case "javascript", "vbscript" -> JAVASCRIPT;
            case "data" -> DATA;
            case "ftp", "ftps", "sftp" -> FTP;
            case "file" -> FILE;
            // "C:\\issues\\q4.docx" in a Word document is a local path, not a scheme
            default -> scheme.length() == 1 ? FILE : OTHER;
        };
    }

    /**
     * The scheme {@code url} starts with (a letter, then letters, digits, {@code + . -}, then a colon),
     * or null, as {@link Ascii#schemeEnd} finds it: every link of every issue is classified here.
     */
    public static String schemeOf(String url) {
        int colon = Ascii.schemeEnd(url);
        return colon < 0 ? null : url.substring(0, colon);
    }
}
