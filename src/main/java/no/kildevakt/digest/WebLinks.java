package no.kildevakt.digest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which crawled URLs may become links in what the editors read. Only absolute http and https URLs with
 * a host: a {@code javascript:}, {@code data:} or {@code file:} URL in a hostile feed must never be one
 * click away in a mail, so anything else is shown as text, if at all.
 */
public final class WebLinks {
    private WebLinks() {}

    /**
     * The URL when it is safe to link to, else empty. Characters a browser percent-encodes itself when it
     * follows a link ({@code "}, {@code <}, {@code >}, a backquote, a space inside) come back encoded, so
     * HUDOC's {@code #{"itemid":["001-…"]}} links still work and can never end an attribute or a Markdown
     * destination; {@code { } [ ] | ^}, which browsers leave alone, are kept as they are.
     */
    public static Optional<String> safe(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String u = url.strip();
        if (u.isEmpty() || u.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return Optional.empty();
        }
        String link = encode(u, "\"<>` ");
        try {
            // judged in the form java.net.URI takes, with the characters it refuses but browsers accept encoded
            URI uri = new URI(encode(link, "{}[]|^"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return Optional.of(link);
            }
        } catch (URISyntaxException e) {
            // not a URL a browser would take as given: not a link
        }
        return Optional.empty();
    }

    private static String encode(String url, String characters) {
        StringBuilder out = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (characters.indexOf(c) >= 0) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
