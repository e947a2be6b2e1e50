package no.kildevakt.item;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.kildevakt.text.Ascii;
import okhttp3.HttpUrl;

/**
 * Turns the many spellings of one web address into one canonical string, so that the same
 * page seen twice (in two feeds, in two runs, with and without tracking parameters) is
 * recognised as the same page, and so that stored and printed URLs are clean.
 *
 * <p>What it does, in order:
 * <ol>
 *   <li>removes tab, CR and LF anywhere and trims spaces, control characters, NBSP and
 *       zero-width characters at both ends (feeds wrap links in all of these);</li>
 *   <li>resolves a relative reference against {@code base} per RFC 3986 (without a usable
 *       absolute http(s) base a relative reference yields nothing; {@code ?q} keeps the base
 *       path, unlike {@link URI#resolve}); like browsers, it reads {@code \} as {@code /} before
 *       the query and forgives {@code http:/x.no} and {@code http:x.no};</li>
 *   <li>accepts only {@code http} and {@code https} with a plausible host (letters, digits
 *       and marks of any script, {@code - . _}, or an IPv6 literal). Numeric IPv4 forms such as
 *       {@code http://3279880203/} are left as written, not converted;</li>
 *   <li>writes a host that is not plain ASCII ({@code faß.de}, {@code bücher.de}, or percent-escaped)
 *       in punycode by UTS #46 non-transitional processing, through OkHttp's {@link HttpUrl}, as
 *       browsers and the WHATWG URL standard do: {@code faß.de} and {@code fass.de} are different
 *       domains, which the JDK's IDNA 2003 (and so the normaliser below) would merge;</li>
 *   <li>removes dot segments from the path as RFC 3986 5.2.4 says ({@code %2e} counting as a dot),
 *       where the normaliser would read {@code /foo/bar//..} as {@code /foo/} and {@code /../..bar}
 *       as {@code /bar};</li>
 *   <li>hands scheme, host and path to crawler-commons' {@link BasicURLNormalizer}: lower-case
 *       scheme and host, default port dropped, duplicate slashes removed, percent-encoding
 *       normalised (unreserved characters decoded, hex in upper case, illegal characters
 *       encoded), user info dropped;</li>
 *   <li>normalises the query itself, because {@code BasicURLNormalizer} sorts parameters and
 *       parameter order can matter to a server: the same percent-encoding rules are applied,
 *       tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...; names matched
 *       case-insensitively) and empty parameters ({@code &&}, {@code =x}) are removed,
 *       {@code name=} becomes {@code name}, the order of the rest is kept, and an empty
 *       {@code ?} is dropped;</li>
 *   <li>drops the fragment when it is an in-page anchor ({@code #top}, {@code #section-2},
 *       {@code #}), but keeps a fragment that carries identity: one that, once decoded,
 *       starts with <code>{</code> (HUDOC's {@code #{"itemid":[...]}}) or contains {@code =}
 *       or {@code /} ({@code #!/path}, {@code #/route}, {@code #page=2}). A kept fragment is
 *       written in one RFC 3986 form whatever the input spelling: escapes are decoded except
 *       those of the delimiters {@code % & = + ? / #}, then every byte outside the RFC 3986
 *       fragment set is percent-encoded (UTF-8, upper-case hex). So the raw and the encoded
 *       HUDOC links give the same string, and the result always parses with
 *       {@link URI#create}.</li>
 * </ol>
 *
 * <p>It never throws: anything it cannot make sense of gives {@link Optional#empty()}.
 * Instances are immutable and safe to share between threads.
 */
public final class UrlCanonicalizer {

    /** Exact (lower-case) names of query parameters that only track the reader. */
    static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid",
            "_hsenc", "_hsmi", "igshid", "yclid", "_ga", "ref_src");

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Pattern FIRST_SEGMENT_HAS_COLON = Pattern.compile("^[^/?]*:");
    private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\r\\n]");
    private static final Pattern ENCODED_DOT = Pattern.compile("%2[eE]");

    private final BasicURLNormalizer normalizer;

    /** A canonicalizer with crawler-commons' normaliser set to convert IDNs to punycode. */
    public UrlCanonicalizer() {
        this.normalizer = BasicURLNormalizer.newBuilder()
                .idnNormalization(BasicURLNormalizer.IdnNormalization.PUNYCODE)
                .build();
    }

    /** Canonicalises an absolute URL; relative references give empty. */
    public Optional<String> canonicalize(String url) {
        return canonicalize(url, null);
    }

    /**
     * Canonicalises {@code url}, resolving it against {@code base} when it is relative.
     *
     * @param url  an absolute URL or a relative reference, possibly with surrounding junk
     * @param base the document the reference appeared in, or null
     * @return the canonical http(s) URL, or empty when there is none
     */
    public Optional<String> canonicalize(String url, URI base) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(canonicalOrNull(url, base));
        } catch (RuntimeException | StackOverflowError e) {
            // java.net and IDN throw a zoo of unchecked exceptions on hostile input; garbage in, nothing out
            return Optional.empty();
        }
    }

    private String canonicalOrNull(String raw, URI base) {
        String url = trimJunk(withoutTabsOrNewlines(withoutLoneSurrogates(raw)));

        String fragment = null;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            url = url.substring(0, hash);
        }

        String absolute = Ascii.schemeEnd(url) >= 0 ? withAuthoritySlashes(url, base) : resolve(url, base);
        if (absolute == null) {
            return null;
        }
        String scheme = absolute.substring(0, absolute.indexOf(':')).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        if (!hasPlausibleHost(absolute)) {
            return null; // the normaliser would reject most of these too, but only after logging a stack trace
        }

        String query = null;
        int questionMark = absolute.indexOf('?');
        if (questionMark >= 0) {
            query = absolute.substring(questionMark + 1);
            absolute = absolute.substring(0, questionMark);
        }

        absolute = withoutDotSegments(withUts46Host(absolute));
        // the normaliser trims; spaces before a '?' we cut off are part of the path, so escape them first
        int kept = absolute.length();
        while (kept > 0 && absolute.charAt(kept - 1) <= ' ') {
            kept--;
        }
        String head = normalizer.filter(absolute.substring(0, kept) + BasicURLNormalizer.escapePath(absolute.substring(kept)));
        if (head == null || !hasHttpSchemeAndHost(head)) {
            return null;
        }

        StringBuilder canonical = new StringBuilder(head);
        String cleanQuery = query == null ? "" : normaliseQuery(query);
        if (!cleanQuery.isEmpty()) {
            canonical.append('?').append(cleanQuery);
        }
        if (fragment != null && carriesIdentity(fragment)) {
            canonical.append('#').append(normaliseFragment(fragment));
        }
        if (canonical.length() == head.length()) {
            return head; // parsed above
        }
        String result = canonical.toString();
        URI.create(result); // a last guard: what we hand out must parse (throws into the catch above)
        return result;
    }

    /**
     * An unpaired surrogate would turn into {@code ?} when encoded as UTF-8 and so invent a
     * query; it becomes U+FFFD, as a browser would make it.
     */
    private static String withoutLoneSurrogates(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.append('\ufffd');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Strips what feeds wrap around links: C0 controls, spaces, NBSP, zero-width characters, BOM. */
    private static String trimJunk(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJunk(s.charAt(start))) {
            start++;
        }
        while (end > start && isJunk(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isJunk(char c) {
        return c <= ' ' || c == '\u007f' || c == '\u00a0' || c == '\u200b' || c == '\u2060'
                || c == '\ufeff' || Character.isWhitespace(c);
    }

    /**
     * Browsers forgive {@code http:/x.no/a}, {@code http:x.no} and {@code http:\\x.no}: an http(s)
     * URL without both slashes is relative to a base of the same scheme, and otherwise the
     * slashes are supplied. Other schemes pass unchanged (and are rejected later).
     */
    private static String withAuthoritySlashes(String url, URI base) {
        String slashed = backslashesToSlashes(url);
        int colon = slashed.indexOf(':');
        String scheme = slashed.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return slashed;
        }
        String rest = slashed.substring(colon + 1);
        if (rest.startsWith("//")) {
            return slashed;
        }
        if (base != null && scheme.equalsIgnoreCase(base.getScheme())) {
            return resolve(rest, base);
        }
        int start = 0;
        while (start < rest.length() && rest.charAt(start) == '/') {
            start++;
        }
        return scheme + "://" + rest.substring(start);
    }

    /** Resolves a relative reference (fragment already removed) against an absolute http(s) base. */
    private static String resolve(String reference, URI base) {
        if (base == null || !base.isAbsolute() || base.getRawAuthority() == null) {
            return null;
        }
        String baseScheme = base.getScheme().toLowerCase(Locale.ROOT);
        if (!baseScheme.equals("http") && !baseScheme.equals("https")) {
            return null;
        }
        String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        String baseWithoutQuery = baseScheme + "://" + base.getRawAuthority() + basePath;
        String ref = backslashesToSlashes(reference);
        if (ref.isEmpty()) {
            return base.getRawQuery() == null ? baseWithoutQuery : baseWithoutQuery + "?" + base.getRawQuery();
        }
        if (ref.startsWith("?")) {
            // java.net.URI (RFC 2396) would drop the last path segment here; RFC 3986 keeps it
            return baseWithoutQuery + ref;
        }
        if (FIRST_SEGMENT_HAS_COLON.matcher(ref).find()) {
            ref = "./" + ref; // RFC 3986 4.2: otherwise ":23" or "a:b" would read as a scheme
        }
        URI escapedBase = URI.create(baseWithoutQuery);
        return escapedBase.resolve(URI.create(BasicURLNormalizer.escapePath(ref))).toString();
    }

    /** Browsers read {@code \} as {@code /} in http(s) URLs before the query; so do we. */
    private static String backslashesToSlashes(String url) {
        int questionMark = url.indexOf('?');
        if (questionMark < 0) {
            return url.replace('\\', '/');
        }
        return url.substring(0, questionMark).replace('\\', '/') + url.substring(questionMark);
    }

    /**
     * A cheap screen of the host before the normaliser sees it: IPv6 literals, or letters,
     * digits and marks of any script, {@code - . _} and valid percent escapes, with no empty
     * label. Anything else is not a host a feed would link to.
     */
    private static boolean hasPlausibleHost(String absolute) {
        int start = absolute.indexOf("//");
        if (start < 0) {
            return true; // "http:path": no authority; the normaliser and the host check reject it
        }
        int end = start + 2;
        while (end < absolute.length() && "/?".indexOf(absolute.charAt(end)) < 0) {
            end++;
        }
        String authority = absolute.substring(start + 2, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            return true;
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            String port = host.substring(colon + 1);
            for (int i = 0; i < port.length(); i++) {
                if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                    return false;
                }
            }
            host = host.substring(0, colon);
        }
        // most hosts hold neither an escape nor a '+' (a space to the decoder), and then neither question needs asking
        if (host.indexOf('%') >= 0 || host.indexOf('+') >= 0) {
            if (BROKEN_ESCAPE.matcher(host).find()) {
                return false;
            }
            host = java.net.URLDecoder.decode(host, StandardCharsets.UTF_8);
        }
        if (host.isEmpty() || host.startsWith(".") || host.contains("..")) {
            return false;
        }
        // a loop, not a stream over code points: this runs for every item's link, on a cold JVM
        for (int i = 0; i < host.length(); ) {
            int c = host.codePointAt(i);
            if (!isHostCodePoint(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean isHostCodePoint(int c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
        }
        // U+3002, U+FF0E, U+FF61 are full stops that IDNA maps to '.'
        return c == '\u3002' || c == '\uff0e' || c == '\uff61' || Character.isLetterOrDigit(c)
                || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    /** ASCII without an escape: a host IDNA leaves as it is. A loop, not a stream: this runs for every item's link. */
    private static boolean isPlainAscii(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= 128 || c == '%') {
                return false;
            }
        }
        return true;
    }

    /**
     * The URL with tabs and line breaks removed, as browsers remove them. Looked for before the
     * pattern is asked: almost no URL holds one, and the matcher, made for every item's link, was 7% of
     * canonicalising it in a first crawl's profile.
     */
    private static String withoutTabsOrNewlines(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n') {
                return TAB_OR_NEWLINE.matcher(url).replaceAll("");
            }
        }
        return url;
    }

    /**
     * The URL with a host that is not plain ASCII written as OkHttp writes it (UTS #46,
     * non-transitional, then punycode). A host OkHttp refuses is left for the normaliser to judge.
     */
    private static String withUts46Host(String absolute) {
        int start = absolute.indexOf("//");
        if (start < 0) {
            return absolute;
        }
        start += 2;
        int end = start;
        while (end < absolute.length() && "/?".indexOf(absolute.charAt(end)) < 0) {
            end++;
        }
        int at = absolute.lastIndexOf('@', end - 1);
        int hostStart = at < start ? start : at + 1;
        if (hostStart < end && absolute.charAt(hostStart) == '[') {
            return absolute; // IPv6
        }
        int colon = absolute.indexOf(':', hostStart);
        int hostEnd = colon < 0 || colon > end ? end : colon;
        String host = absolute.substring(hostStart, hostEnd);
        if (isPlainAscii(host)) {
            return absolute;
        }
        HttpUrl parsed = HttpUrl.parse("http://" + host + "/");
        if (parsed == null) {
            return absolute;
        }
        return absolute.substring(0, hostStart) + parsed.host() + absolute.substring(hostEnd);
    }

    /** The URL (without query) with its path's dot segments removed; {@code %2e} is a dot here, as for browsers. */
    private static String withoutDotSegments(String absolute) {
        int authority = absolute.indexOf("//");
        int pathStart = absolute.indexOf('/', authority < 0 ? 0 : authority + 2);
        if (authority < 0 || pathStart < 0) {
            return absolute;
        }
        String path = absolute.indexOf('%', pathStart) < 0 ? absolute.substring(pathStart)
                : ENCODED_DOT.matcher(absolute.substring(pathStart)).replaceAll(".");
        return absolute.substring(0, pathStart) + removeDotSegments(path);
    }

    /** RFC 3986 5.2.4, step by step, reading {@code path} from {@code i} on instead of cutting copies. */
    static String removeDotSegments(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int i = 0;
        int n = path.length();
        while (i < n) {
            if (path.startsWith("../", i)) {
                i += 3;
            } else if (path.startsWith("./", i) || path.startsWith("/./", i)) {
                i += 2; // "./" goes; "/./" becomes "/"
            } else if (i + 2 == n && path.startsWith("/.", i)) {
                out.append('/');
                i = n;
            } else if (path.startsWith("/../", i)) {
                i += 3;
                out.setLength(Math.max(0, out.lastIndexOf("/")));
            } else if (i + 3 == n && path.startsWith("/..", i)) {
                out.setLength(Math.max(0, out.lastIndexOf("/")));
                out.append('/');
                i = n;
            } else if ((i + 1 == n && path.charAt(i) == '.') || (i + 2 == n && path.startsWith("..", i))) {
                i = n;
            } else {
                int next = path.indexOf('/', path.charAt(i) == '/' ? i + 1 : i);
                next = next < 0 ? n : next;
                out.append(path, i, next);
                i = next;
            }
        }
        return out.toString();
    }

    private static boolean hasHttpSchemeAndHost(String normalized) {
        URI uri = URI.create(normalized);
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return false;
        }
        String authority = uri.getRawAuthority();
        return authority != null && !authority.isEmpty() && !authority.startsWith(":");
    }

    /**
     * Applies the normaliser's percent-encoding rules to the query and removes tracking and
     * empty parameters, keeping the order of the rest.
     */
    private static String normaliseQuery(String query) {
        String encoded = BasicURLNormalizer.unescapePath(BasicURLNormalizer.escapePath(query));
        StringBuilder kept = new StringBuilder();
        for (String parameter : encoded.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (name.isEmpty() || isTracking(name)) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append('&');
            }
            boolean emptyValue = equals < 0 || equals == parameter.length() - 1;
            kept.append(emptyValue ? name : parameter);
        }
        return kept.toString();
    }

    static boolean isTracking(String parameterName) {
        String name = parameterName.toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }

    /** A fragment that addresses content (JSON state, a client-side route) rather than a spot on the page. */
    private static boolean carriesIdentity(String fragment) {
        String decoded = normaliseFragment(fragment);
        return decoded.startsWith("%7B") || decoded.indexOf('=') >= 0 || decoded.indexOf('/') >= 0
                || decoded.contains("%3D") || decoded.contains("%2F");
    }

    /** Bytes that may stand unencoded in an RFC 3986 fragment. */
    private static boolean isFragmentSafe(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || "-._~!$&'()*+,;=:@/?".indexOf(b) >= 0;
    }

    /** Escapes of these stay escaped: decoding them would change how the fragment splits. */
    private static boolean isProtectedDelimiter(int b) {
        return "%&=+?/#".indexOf(b) >= 0;
    }

    /**
     * One spelling per fragment: escapes decoded (except protected delimiters), then
     * everything outside the fragment set encoded, byte by byte, from UTF-8.
     */
    static String normaliseFragment(String fragment) {
        byte[] bytes = fragment.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(bytes.length);
        // true where the decoded byte stands for an escape we keep verbatim (as "%XX")
        boolean[] keptEscape = new boolean[bytes.length];
        int out = 0;
        StringBuilder result = new StringBuilder(bytes.length + 16);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                int value = Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16);
                i += 2;
                decoded.write(value);
                keptEscape[out++] = isProtectedDelimiter(value);
            } else {
                decoded.write(b);
                keptEscape[out++] = false;
            }
        }
        byte[] plain = decoded.toByteArray();
        for (int i = 0; i < plain.length; i++) {
            int b = plain[i] & 0xff;
            if (!keptEscape[i] && isFragmentSafe(b)) {
                result.append((char) b);
            } else {
                result.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return result.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
