package no.kildevakt.links.check;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.kildevakt.links.extract.LinkScheme;
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
        return http(cited, HttpUrl::parse);
    }

    /** {@link #http(String)} with the last step, OkHttp's parse of the stripped http(s) text, given. */
    private static Optional<HttpUrl> http(String cited, Function<String, HttpUrl> parse) {
        if (cited == null) {
            return Optional.empty();
        }
        String text = cited.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        HttpUrl url = parse.apply(text);
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

    /**
     * Turns the cited URLs of a run into {@link Target}s as {@link Target#of} does, parsing each scheme
     * and authority ({@code https://www.regjeringen.no}) once and the rest of each URL against it.
     * Why: OkHttp's parse of a host (its IDNA mapping) is half of what a URL's parse costs, a folder of
     * issues cites the same sites over and over, and all of it is parsed before the first check starts.
     * A URL with user info or white space in its authority, or whose rest could be read as another
     * authority ({@code //}, backslashes, no authority at all), is parsed whole. Not thread-safe: one per
     * run.
     */
    public static final class Targets {
        private final Map<String, Optional<HttpUrl>> authorities = new HashMap<>();

        /** The target of {@code cited}, equal to {@link Target#of}'s. */
        public Target of(String cited) {
            Optional<HttpUrl> url = http(cited, this::parse);
            return new Target(CheckUrls.key(cited, url), cited, url.orElse(null));
        }

        /** OkHttp's parse of stripped text that starts with {@code http://} or {@code https://} (any case). */
        HttpUrl parse(String text) {
            int start = text.indexOf("://") + 3;
            int end = start;
            while (end < text.length()) {
                char c = text.charAt(end);
                if (c == '/' || c == '\\' || c == '?' || c == '#') {
                    break;
                }
                if (c == '@' || c <= ' ') {
                    // user info (where the authority ends is OkHttp's to say), or white space or a control
                    // character, which OkHttp trims off the end of a text parsed on its own
                    return HttpUrl.parse(text);
                }
                end++;
            }
            if (end == start || end < text.length() && (text.charAt(end) == '\\'
                    || (text.charAt(end) == '/' && end + 1 < text.length() && isSlash(text.charAt(end + 1))))) {
                return HttpUrl.parse(text);
            }
            HttpUrl authority = authorities.computeIfAbsent(text.substring(0, end),
                    head -> Optional.ofNullable(HttpUrl.parse(head))).orElse(null);
            return authority == null ? null : authority.resolve(text.substring(end));
        }

        private static boolean isSlash(char c) {
            return c == '/' || c == '\\';
        }
    }

    /** The scheme of a non-http link for the "skipped" reason, e.g. "mailto"; "not a URL" when it has none. */
    static String schemeOf(String text) {
        String scheme = LinkScheme.schemeOf(text);
        return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    }
}
