package no.kildevakt.links.check;

import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * What URL a citation is checked as. The fragment is dropped (it never reaches the server, so
 * {@code page#a} and {@code page#b} are one check), and OkHttp's parser gives one spelling per URL
 * (lower-case host, default port dropped, spaces and non-ASCII percent-encoded) so the same page
 * cited twice in different spellings is still fetched once.
 */
public final class CheckUrls {
    private CheckUrls() {}

    /**
     * The key a cited URL is checked and stored under: the canonical http(s) URL without fragment,
     * or for anything else (mailto:, tel:, relative junk) the stripped text itself.
     */
    public static String key(String cited) {
        return key(cited, http(cited));
    }

    /** {@link #key(String)} of a cited URL already parsed with {@link #http}, so a checker parses it once. */
    static String key(String cited, Optional<HttpUrl> parsed) {
        return parsed.map(HttpUrl::toString).orElse(cited == null ? "" : cited.strip());
    }

    /** The cited URL as an http(s) URL without fragment, or empty when it is not one. */
    public static Optional<HttpUrl> http(String cited) {
        if (cited == null) {
            return Optional.empty();
        }
        String text = cited.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null || url.host().isEmpty()) {
            return Optional.empty();
        }
        // rebuilt only to drop a fragment: most cited URLs have none, and a rebuild costs as much as the parse
        return Optional.of(url.fragment() == null ? url : url.newBuilder().fragment(null).build());
    }

    /**
     * A cited URL with its {@link #key} and, when it is http(s), its parsed form without fragment: parsed
     * once for both, since OkHttp's parse (IDNA mapping included) is a good part of what a check costs,
     * and a run needs the key to group citations and the parsed form to send the request.
     *
     * @param key   {@link #key(String)} of {@code cited}
     * @param cited the URL as cited
     * @param url   {@link #http(String)} of {@code cited}, or null when it is not an http(s) URL
     */
    public record Target(String key, String cited, HttpUrl url) {
        /** The cited text, parsed once. */
        public static Target of(String cited) {
            Optional<HttpUrl> url = http(cited);
            return new Target(CheckUrls.key(cited, url), cited, url.orElse(null));
        }
    }

    /** The scheme of a non-http link for the "skipped" reason, e.g. "mailto"; "not a URL" when it has none. */
    static String schemeOf(String text) {
        int colon = text.indexOf(':');
        if (colon > 0 && text.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return text.substring(0, colon).toLowerCase(Locale.ROOT);
        }
        return "";
    }
}
