package no.kildevakt.read.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import no.kildevakt.text.Ascii;

/**
 * Lenient RFC 3986 reference resolution for links found in feeds.
 *
 * <p>{@link URI#resolve} alone is not enough: it rejects characters real feeds put in links (HUDOC's
 * {@code #{"itemid":[...]}}, spaces, non-ASCII), joins {@code http://host} and {@code a} into
 * {@code http://hosta}, and resolves {@code ?q} by RFC 2396 rules. This helper percent-encodes what
 * {@code URI} refuses, patches those corners, and leaves a link that is already absolute exactly as
 * the feed wrote it (normalisation is a later step's job).
 */
final class Links {
    private Links() {}

    /** True when {@code ref} starts with a scheme ({@code http:}, {@code mailto:} ...). */
    static boolean isAbsolute(String ref) {
        return ref != null && Ascii.schemeEnd(ref) >= 0;
    }

    /** True when {@code ref} is an absolute http(s) URL with a host. */
    static boolean isAbsoluteHttp(String ref) {
        if (ref == null) {
            return false;
        }
        String lower = ref.strip().toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && lower.length() > lower.indexOf("//") + 2;
    }

    /**
     * Resolves {@code ref} against {@code base}. Returns {@code ref} unchanged when it is absolute or
     * when {@code base} is null or not absolute; returns null only when {@code ref} is null.
     */
    static String resolve(String base, String ref) {
        if (ref == null) {
            return null;
        }
        String r = ref.strip();
        if (isAbsolute(r) || base == null || !isAbsolute(base.strip())) {
            return r;
        }
        String b = base.strip();
        try {
            URI baseUri = new URI(encodeIllegal(b));
            if (baseUri.isOpaque()) {
                return r;
            }
            if (r.isEmpty()) {
                return withoutFragment(baseUri.toString());
            }
            if (r.startsWith("#")) {
                return withoutFragment(baseUri.toString()) + encodeIllegal(r);
            }
            if (r.startsWith("?")) {
                String s = withoutFragment(baseUri.toString());
                int q = s.indexOf('?');
                return (q >= 0 ? s.substring(0, q) : s) + encodeIllegal(r);
            }
            if (baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty()) {
                baseUri = new URI(encodeIllegal(stripQueryAndFragment(b) + "/"));
            }
            URI resolved = baseUri.resolve(new URI(encodeIllegal(r)));
            return dropLeadingDotDot(resolved.toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return r;
        }
    }

    private static String stripQueryAndFragment(String s) {
        int cut = s.length();
        int q = s.indexOf('?');
        int h = s.indexOf('#');
        if (q >= 0) {
            cut = Math.min(cut, q);
        }
        if (h >= 0) {
            cut = Math.min(cut, h);
        }
        return s.substring(0, cut);
    }

    private static String withoutFragment(String s) {
        int h = s.indexOf('#');
        return h >= 0 ? s.substring(0, h) : s;
    }

    /** {@code http://a/../g} → {@code http://a/g}, as RFC 3986 section 5.2.4 says and java.net.URI does not. */
    private static String dropLeadingDotDot(String s) {
        int schemeEnd = s.indexOf("://");
        if (schemeEnd < 0) {
            return s;
        }
        int pathStart = s.indexOf('/', schemeEnd + 3);
        if (pathStart < 0) {
            return s;
        }
        String path = s.substring(pathStart);
        while (path.startsWith("/../")) {
            path = path.substring(3);
        }
        if (path.equals("/..")) {
            path = "/";
        }
        return s.substring(0, pathStart) + path;
    }

    /** Percent-encodes what java.net.URI refuses; a second '#' and a stray '%' included. */
    static String encodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        boolean seenHash = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '#') {
                if (seenHash) {
                    out.append("%23");
                } else {
                    seenHash = true;
                    out.append(c);
                }
            } else if (c == '%') {
                boolean escape = i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
                out.append(escape ? "%" : "%25");
            } else if (c <= 0x20 || c >= 0x7F || "\"<>\\^`{|}[]".indexOf(c) >= 0) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    appendPercent(out, s.substring(i, i + 2));
                    i++;
                } else {
                    appendPercent(out, String.valueOf(c));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendPercent(StringBuilder out, String chars) {
        for (byte b : chars.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
