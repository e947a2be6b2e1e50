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
        return Optional.of(url.newBuilder().fragment(null).build());
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
