package no.kildevakt.text;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text surgery on a decoded document before it reaches the XML parser, plus a look at what the
 * document is (the name of its root element).
 *
 * <p>Why: the parser is fed a {@code Reader}, so the prolog's {@code encoding=} must not be able to
 * disagree with it; a DOCTYPE is removed rather than parsed (DTDs are a door to XXE and entity bombs,
 * and Rome's doctype ban stays on as a second lock) — but the internal subset's plain-text entities
 * ({@code <!ENTITY id "tag:example.com,">}) are substituted by hand, since they cannot recurse or reach
 * outside, while references to external or nested entities are deleted; and control characters that XML 1.0 forbids, which
 * real feeds do contain, would otherwise make an entire feed unreadable for one bad byte.
 */
public final class XmlPrologue {
    private XmlPrologue() {}

    /** At most this many internal entities are honoured; more is not a feed, it is an attack. */
    private static final int MAX_ENTITIES = 200;
    private static final int MAX_ENTITY_LENGTH = 1000;
    private static final Pattern ENTITY_DECLARATION = Pattern.compile(
            "<!ENTITY\\s+(%\\s+)?([A-Za-z_:][\\w.:-]*)\\s+(?:\"([^\"]*)\"|'([^']*)'|([^>]*))\\s*>");
    private static final Set<String> PREDEFINED = Set.of("lt", "gt", "amp", "quot", "apos");

    /**
     * The decoded text after repair, and what was repaired.
     *
     * @param text             the decoded text, or a repaired copy of the document; the document is
     *                         its part from {@code start} on
     * @param start            where the document begins in {@code text}: after a BOM and the XML
     *                         declaration, or 0 in a repaired copy
     * @param expandedEntities internal entities with a plain-text value, substituted by hand
     * @param droppedEntities  entities declared external (SYSTEM/PUBLIC) or built from other entities;
     *                         their references were removed, so neither XXE nor an expansion bomb can work
     */
    public record Prepared(String text, int start, boolean doctypeStripped, int invalidCharsRemoved,
            List<String> expandedEntities, List<String> droppedEntities) {

        /**
         * The prepared document: {@code text} from {@code start}. Why the two parts: what is cut off the
         * front (a BOM, the XML declaration) is a few dozen characters, and cutting it by copying the rest
         * copied every feed whole (with the character check's copy, a tenth of a first crawl's
         * allocation). The parser reads {@code text} from {@code start}; this is the copy, for the rare
         * caller who needs a string.
         */
        public String xml() {
            return start == 0 ? text : text.substring(start);
        }
    }

    /** Strips what comes before the content and the DOCTYPE, substitutes safe entities, removes forbidden characters. */
    public static Prepared prepare(String text) {
        int start = contentStart(text);
        int[] doctype = findDoctype(text, start);
        if (doctype == null && allCharactersAllowed(text, start)) {
            return new Prepared(text, start, false, 0, List.of(), List.of()); // nearly every feed
        }
        String s = text.substring(start);
        boolean stripped = false;
        Map<String, String> safe = new LinkedHashMap<>();
        Set<String> dropped = new LinkedHashSet<>();
        if (doctype != null) {
            // found in text from start on: the same places in s, start earlier
            int from = doctype[0] - start;
            int to = doctype[1] - start;
            // keep the line count so that error messages still point at the right line
            String removed = s.substring(from, to);
            String newlines = removed.replaceAll("[^\n]", "");
            s = s.substring(0, from) + newlines + s.substring(to);
            stripped = true;
            collectEntities(removed, safe, dropped);
            if (!safe.isEmpty() || !dropped.isEmpty()) {
                s = substituteEntities(s, safe, dropped);
            }
        }
        // without a DOCTYPE, the check above already found a character to remove
        if (stripped && allCharactersAllowed(s, 0)) {
            return new Prepared(s, 0, stripped, 0, List.copyOf(safe.keySet()), List.copyOf(dropped));
        }
        StringBuilder clean = null;
        int removedChars = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (clean != null) {
                        clean.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = (c >= 0x20 && c <= 0xD7FF) || c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && clean == null) {
                clean = new StringBuilder(s.length());
                clean.append(s, 0, i);
            }
            if (ok) {
                if (clean != null) {
                    clean.append(c);
                }
            } else {
                removedChars++;
            }
        }
        return new Prepared(clean == null ? s : clean.toString(), 0, stripped, removedChars, List.copyOf(safe.keySet()),
                List.copyOf(dropped));
    }

    /**
     * Whether every character of {@code s} from {@code from} on is one XML allows, surrogates aside (which
     * the careful loop in {@link #prepare} pairs up): tight passes over a few thousand characters copied
     * at a time, because asking the string for each one was 3% of a first crawl's CPU, and a copy of the
     * whole document was as much allocation as the document, for documents that almost never hold a
     * forbidden character.
     */
    private static boolean allCharactersAllowed(String s, int from) {
        char[] chunk = new char[Math.min(SCAN_CHUNK, Math.max(0, s.length() - from))];
        for (int at = from; at < s.length(); at += chunk.length) {
            int length = Math.min(chunk.length, s.length() - at);
            s.getChars(at, at + length, chunk, 0);
            for (int i = 0; i < length; i++) {
                char c = chunk[i];
                if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0xD800 && (c < 0xE000 || c > 0xFFFD)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** How many characters {@link #allCharactersAllowed} copies at a time. */
    private static final int SCAN_CHUNK = 4096;

    /**
     * Sorts the general entities of an internal subset into safe ones (a literal value with no markup and
     * no references, so expansion cannot recurse or reach outside) and everything else.
     */
    private static void collectEntities(String doctype, Map<String, String> safe, Set<String> dropped) {
        Matcher m = ENTITY_DECLARATION.matcher(doctype);
        while (m.find() && safe.size() + dropped.size() < MAX_ENTITIES) {
            if (m.group(1) != null) {
                continue; // parameter entities only matter inside the DTD, which is gone
            }
            String name = m.group(2);
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            if (PREDEFINED.contains(name)) {
                continue;
            }
            if (value != null && value.length() <= MAX_ENTITY_LENGTH && value.indexOf('&') < 0
                    && value.indexOf('%') < 0 && value.indexOf('<') < 0) {
                safe.put(name, value.replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;"));
            } else {
                dropped.add(name);
            }
        }
    }

    private static String substituteEntities(String s, Map<String, String> safe, Set<String> dropped) {
        Matcher m = Pattern.compile("&([A-Za-z_:][\\w.:-]*);").matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement = safe.containsKey(name) ? safe.get(name) : dropped.contains(name) ? "" : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Where the text starts once leading BOM characters and the XML declaration (with the white
     * space before it) are left out: the text is already decoded, and a declaration after white
     * space or with an odd encoding label would only make the parser fail. An offset rather than
     * a copy, because documents can be megabytes.
     */
    static int contentStart(String s) {
        int start = 0;
        while (start < s.length() && s.charAt(start) == '\uFEFF') {
            start++;
        }
        int i = skipWhitespace(s, start);
        if (s.startsWith("<?xml", i) && i + 5 < s.length() && isXmlSpace(s.charAt(i + 5))) {
            int end = s.indexOf("?>", i);
            if (end >= 0) {
                return end + 2;
            }
        }
        return start;
    }

    /**
     * Start and end offsets in {@code s} of a DOCTYPE declaration in the prolog (before the root element)
     * of the document that begins at {@code from}, or null.
     */
    private static int[] findDoctype(String s, int from) {
        int i = skipMisc(s, from);
        if (i >= 0 && s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
            return new int[] {i, endOfDoctype(s, i + 9)};
        }
        return null;
    }

    /**
     * Skips what XML allows before the root element besides a DOCTYPE — white space, comments,
     * processing instructions — and returns where the next thing starts, or -1 when a comment
     * or instruction never ends.
     */
    private static int skipMisc(String s, int from) {
        int i = from;
        while (true) {
            i = skipWhitespace(s, i);
            if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                if (end < 0) {
                    return -1;
                }
                i = end + 3;
            } else if (s.startsWith("<?", i)) {
                int end = s.indexOf("?>", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else {
                return i;
            }
        }
    }

    /** Scans past the declaration, minding quotes, the internal subset and comments inside it. */
    private static int endOfDoctype(String s, int from) {
        int depth = 0;
        char quote = 0;
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                i = end < 0 ? s.length() : end + 3;
                continue;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '>' && depth == 0) {
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /**
     * The root element's name as written (with prefix), or the DOCTYPE's name prefixed with {@code !}
     * when a DOCTYPE comes first; null when the text has no element start.
     */
    public static String rootName(String text) {
        String s = text;
        int i = skipMisc(s, contentStart(s));
        if (i < 0 || i >= s.length()) {
            return null;
        }
        if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
            return "!" + name(s, skipWhitespace(s, i + 9));
        }
        return s.startsWith("<", i) ? name(s, i + 1) : null;
    }

    private static String name(String s, int from) {
        int j = from;
        while (j < s.length() && !isXmlSpace(s.charAt(j)) && s.charAt(j) != '>' && s.charAt(j) != '/'
                && s.charAt(j) != '[') {
            j++;
        }
        return s.substring(from, j).toLowerCase(Locale.ROOT);
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && (isXmlSpace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
