package no.kildevakt.links.extract;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds URLs in text that was laid out in lines (PDF page text), joining a URL the layout broke across
 * two lines. Typesetters and word processors break long URLs after {@code / - _ . ? & =} and carry on at
 * the start of the next line with no marker, so the text says {@code https://www.regjeringen.no/no/}
 * on one line and {@code aktuelt/menneskehandel/id2075/} on the next. Joining every URL that ends a line
 * with the next word would turn "see https://x.no/ Next paragraph" into a link to {@code /Next}, so a
 * join needs evidence, strongest first:
 * <ol>
 *   <li>a link annotation on the same page whose URL is the joined text (or starts with it): join; one
 *       whose URL is the unjoined text: don't;</li>
 *   <li>the line ends inside a URL, after a character a URL cannot end a sentence with
 *       ({@code - _ ? & = % ~ + #}): join with the next word if it is made of URL characters;</li>
 *   <li>the line ends after {@code /}, or after a letter or digit of a URL that already has a path: join
 *       only if the next word itself looks like URL material (contains one of {@code / . - _ = ? & # %}
 *       or a digit, and is not an ordinary capitalised word).</li>
 * </ol>
 * A URL that ends with sentence punctuation at the line end is never joined without an annotation.
 */
final class WrappedUrls {
    /**
     * One URL with the index of the line it starts on; {@code endsLine} when nothing but white space
     * followed it on the line it ended on (it may have been wrapped further than could be proved).
     */
    record Found(String url, int line, boolean endsLine) {}

    private static final Pattern CONTINUATION = Pattern.compile("^[\\p{L}\\p{N}\\-._~%!$&'()*+,;=:@/?#\\[\\]]+");
    private static final Pattern NEW_URL = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*://|www\\.)");
    private static final String BREAK_INSIDE = "-_?&=%~+#";
    private static final Pattern URL_MATERIAL = Pattern.compile("[/.\\-_=?&#%\\p{N}]");
    private static final Pattern ORDINARY_WORD = Pattern.compile("^\\p{Lu}\\p{Ll}+[.,;:!?]?$");

    private WrappedUrls() {}

    /**
     * The URLs in {@code lines}, joined across line breaks as the class comment describes.
     *
     * @param annotated URLs the page's link annotations point at (evidence for and against a join)
     */
    static List<Found> find(List<String> lines, Collection<String> annotated) {
        List<String> annotatedKeys = annotated.stream().map(WrappedUrls::key).toList();
        List<Found> found = new ArrayList<>();
        int[] consumed = new int[lines.size()]; // characters at a line's start already joined to a URL above
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            List<TextUrls.Found> urls = TextUrls.find(line);
            for (int u = 0; u < urls.size(); u++) {
                TextUrls.Found url = urls.get(u);
                if (url.start() < consumed[i]) {
                    continue;
                }
                String raw = url.raw();
                String current = url.url();
                boolean endsLine = u == urls.size() - 1 && line.substring(url.end()).isBlank();
                for (int j = i + 1; endsLine && j < lines.size(); j++) {
                    String nextLine = lines.get(j);
                    Matcher next = CONTINUATION.matcher(nextLine.stripLeading());
                    if (!next.find()) {
                        break;
                    }
                    String continuation = TextUrls.trimTrailing(next.group());
                    String joined = continuation.isEmpty() ? null : TextUrls.normalise(raw + continuation);
                    if (joined == null || !shouldJoin(current, joined, continuation, annotatedKeys)) {
                        break;
                    }
                    raw = raw + continuation;
                    current = joined;
                    consumed[j] = nextLine.length() - nextLine.stripLeading().length() + continuation.length();
                    endsLine = nextLine.substring(consumed[j]).isBlank();
                }
                found.add(new Found(current, i, endsLine));
            }
        }
        return found;
    }

    private static boolean shouldJoin(String url, String joined, String continuation, List<String> annotatedKeys) {
        if (NEW_URL.matcher(continuation).lookingAt()) {
            return false; // the next line starts a link of its own
        }
        String joinedKey = key(joined);
        String urlKey = key(url);
        if (annotatedKeys.stream().anyMatch(a -> a.equals(joinedKey) || a.startsWith(joinedKey))) {
            return true;
        }
        if (annotatedKeys.contains(urlKey)) {
            return false;
        }
        char last = url.charAt(url.length() - 1);
        if (BREAK_INSIDE.indexOf(last) >= 0) {
            return true;
        }
        boolean hasPath = url.indexOf('/', url.indexOf("://") + 3) >= 0;
        boolean urlMaterial = URL_MATERIAL.matcher(continuation).find()
                && !ORDINARY_WORD.matcher(continuation).matches();
        return (last == '/' || (Character.isLetterOrDigit(last) && hasPath)) && urlMaterial;
    }

    /**
     * A comparison key under which the same link written slightly differently matches: percent-escapes
     * decoded (an annotation says {@code %C2%A7257} where the page prints {@code §257}), scheme dropped,
     * host lower-cased, one trailing slash dropped. Used to tell an annotation and the printed URL apart
     * from two different links.
     */
    static String key(String url) {
        String rest = percentDecoded(url).replaceFirst("(?i)^[a-z][a-z0-9+.-]*://", "");
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        String key = host.toLowerCase(Locale.ROOT) + path;
        return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }

    /** {@code url} with valid UTF-8 percent-escapes decoded; unchanged when they are not valid UTF-8. */
    static String percentDecoded(String url) {
        if (url.indexOf('%') < 0) {
            return url;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '%' && i + 2 < url.length() && HexFormat.isHexDigit(url.charAt(i + 1))
                    && HexFormat.isHexDigit(url.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(url, i + 1, i + 3));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return url;
        }
    }
}
