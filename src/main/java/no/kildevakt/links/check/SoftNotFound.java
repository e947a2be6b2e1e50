package no.kildevakt.links.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.text.Ascii;
import no.kildevakt.text.OneLine;
import no.kildevakt.text.TagFacts;
import org.jsoup.parser.Parser;

/**
 * Recognises a "soft 404": a page answered with 200 that says the page is missing. Many CMSs in
 * Norway, Sweden and Denmark do this (and a status code checker calls the link fine for ever).
 * Looks where such pages say it — the title, the first heading, and the start of the visible
 * text outside navigation — for the phrases they use in Norwegian (bokmål and nynorsk), Swedish,
 * Danish and English, and for "404" as a word in the title or first heading.
 *
 * <p>Conservative on purpose: an article that merely mentions "page not found" deep in its text is
 * not matched, since only the first {@value #BODY_START} characters of text count.
 *
 * <p><b>A scan, not a parse.</b> Every checked page comes through here, so building a DOM of up to
 * 64 KB only to read three short strings was most of a link check's CPU (and much of the JIT's work
 * in a short run). {@link Scan} reads the page once, in the pieces it arrives in, keeping only the
 * title, the first {@code h1}, and the start of the text of the body and of the first {@code main}
 * (or {@code article}, {@code [role=main]}) outside {@code script}, {@code style}, {@code nav},
 * {@code header}, {@code footer}, {@code aside} and hidden elements — what the DOM-based check looked
 * at, with the same verdicts on real pages (see the tests' corpus comparison). Tag facts (block or
 * inline, void) and character references come from jsoup, so the scan agrees with its parser on
 * those. Its memory is bounded whatever the page: a few KB of text and a bounded element stack.
 */
public final class SoftNotFound {
    /** How much of the visible text counts as "the start of the page". */
    static final int BODY_START = 600;

    /** Phrases of "this page is missing", lower case, apostrophes straightened. */
    static final List<String> PHRASES = List.of(
            // Norwegian bokmål and nynorsk
            "fant ikke siden", "finner ikke siden", "fann ikkje sida", "finn ikkje sida", "siden finnes ikke",
            "sida finst ikkje", "siden ble ikke funnet", "sida vart ikkje funnen", "side ikke funnet",
            "siden eksisterer ikke", "siden du leter etter finnes ikke", "siden du ba om finnes ikke",
            "denne siden finnes ikke", "siden er ikke tilgjengelig lenger", "siden finnes ikke lenger",
            "beklager, vi finner ikke", "vi fant ikke siden", "vi finner ikke siden", "kunne ikke finne siden",
            // Swedish
            "sidan finns inte", "sidan kunde inte hittas", "sidan hittades inte", "hittade inte sidan",
            "sidan saknas", "kan inte hitta sidan", "vi hittar inte sidan", "vi kunde inte hitta sidan",
            "sidan existerar inte", "sidan du söker finns inte", "sidan du letar efter finns inte",
            "den här sidan finns inte",
            // Danish
            "siden blev ikke fundet", "siden findes ikke", "siden kunne ikke findes", "side ikke fundet",
            "kan ikke finde siden", "vi kan ikke finde siden", "kunne ikke finde siden",
            "siden du leder efter findes ikke", "siden du søger findes ikke", "denne side findes ikke",
            // English
            "page not found", "page cannot be found", "page can't be found", "page could not be found",
            "page does not exist", "page doesn't exist", "page no longer exists", "page you are looking for",
            "page you were looking for", "page you requested could not", "page you requested was not found",
            "error 404", "404 error", "we can't find the page", "we couldn't find the page",
            "we couldn't find that page", "content not found", "article not found");

    /** {@link #PHRASES} in one pass over a text. */
    private static final PhraseMatcher PHRASE_MATCHER = new PhraseMatcher(PHRASES);

    /** Titles that say only "not found", as their start (followed by a word's end). */
    private static final List<String> TITLE_ONLY = List.of("not found", "ikke funnet", "ikkje funne", "hittades inte",
            "ikke fundet", "finnes ikke", "finns inte", "findes ikke");

    /** Elements whose text is not "the page": navigation, chrome, code, hidden templates. */
    private static final Set<String> LEFT_OUT = Set.of("script", "style", "noscript", "template", "nav", "header", "footer",
            "aside");
    /** Elements whose text is the page's own. */
    private static final Set<String> MAIN = Set.of("main", "article");
    /** Elements in the head that do not start the body (as in the HTML parser's "in head" mode). */
    private static final Set<String> HEAD_ELEMENTS = Set.of("html", "head", "title", "meta", "link", "base", "script",
            "style", "noscript", "template", "basefont", "bgsound");
    /** Raw text whose content is data, not text (read past, never counted). */
    private static final Set<String> RAW_DATA = Set.of("script", "style");
    /** Raw text that is text, but holds no tags (their content is counted as text). */
    private static final Set<String> RAW_TEXT = Set.of("xmp", "iframe", "noembed", "noframes", "textarea");
    /** End tags the HTML parser does not close anything for: the body goes on after them. */
    private static final Set<String> NOT_CLOSING = Set.of("html", "body", "br");

    /** Room kept for a title or heading: far more than any real one, little memory. */
    static final int MAX_LINE = 2048;
    /** Open elements remembered; deeper nesting in a hostile page is read as if flat. */
    static final int MAX_DEPTH = 1024;
    /** How far down the open elements an end tag looks for its start (as parsers bound their scope). */
    private static final int END_TAG_SCOPE = 256;
    /** A tag, comment or character reference cut by a read longer than this is dropped, not carried. */
    static final int MAX_CARRY = 16 * 1024;

    /** A soft 404 as sites write them, for {@link #warmUp()}. */
    private static final String WARM_UP_PAGE = "<!doctype html><html><head><title>Fant ikke siden</title></head>"
            + "<body><nav><a href=\"/\">Hjem</a></nav><main><h1>Siden finnes ikke</h1><p>Beklager.</p></main></body></html>";

    private SoftNotFound() {}

    /**
     * Judges a small soft 404 held in memory and says whether it was seen as one (it must be).
     *
     * <p>Why: the phrase automaton is built when this class is first used, tens of milliseconds on a
     * cold JVM, and every checker thread whose page arrives meanwhile waits for it. {@code check-links}
     * calls this on a spare core while the main thread still reads the issue ({@code crawl.Warmup}).
     */
    public static boolean warmUp() {
        return detect(WARM_UP_PAGE).isPresent();
    }

    /**
     * Looks at the start of an HTML page.
     *
     * @param htmlStart the decoded beginning of the page (a truncated document is fine)
     * @return the evidence, e.g. {@code title "Fant ikke siden"}, or empty when the page looks real
     */
    public static Optional<String> detect(String htmlStart) {
        if (htmlStart == null || htmlStart.isBlank()) {
            return Optional.empty();
        }
        Scan scan = new Scan();
        scan.feed(htmlStart);
        return scan.verdict();
    }

    /**
     * One page's scan, fed in the pieces the page arrives in (a tag, comment or title may be split
     * between them), then asked for its {@link #verdict()}. Not thread-safe; one per page.
     */
    public static final class Scan {
        private final Text title = new Text(MAX_LINE);
        private final Text heading = new Text(MAX_LINE);
        private final Text body = new Text(BODY_START);
        private final Text main = new Text(BODY_START);
        /** Open elements, innermost last; each with whether it leaves its text out or is the main one. */
        private final List<Open> open = new ArrayList<>();
        private String carry = "";
        private boolean inBody;
        private boolean titleSeen;
        private boolean headingOpen;
        private boolean headingDone;
        private boolean mainFound;
        private boolean mainDone;
        private int leftOutDepth;
        /** Inside a raw element: its name, until its end tag; and where its text goes (null: nowhere). */
        private String raw;
        private boolean rawIsText;
        private boolean rawIsTitle;
        private boolean settled;

        private record Open(String name, boolean leftOut, boolean main, boolean heading) {}

        /** Reads the next piece of the page. */
        public Scan feed(CharSequence piece) {
            if (settled || piece.length() == 0) {
                return this;
            }
            String text = carry.isEmpty() ? piece.toString() : carry + piece;
            carry = "";
            int stop = scan(text, false);
            if (stop < text.length()) {
                // a construct cut by the read: kept for the next piece unless absurdly long
                carry = text.length() - stop <= MAX_CARRY ? text.substring(stop) : "";
            }
            return this;
        }

        /** The evidence of a missing page in what was read, or empty; the page may have been cut anywhere. */
        public Optional<String> verdict() {
            if (!carry.isEmpty() && !settled) {
                scan(carry, true);
                carry = "";
            }
            String t = title.toString();
            if (says404(t) || titleOnly(normal(t))) {
                return evidence("title", t);
            }
            String h = heading.toString();
            if (says404(h)) {
                return evidence("heading", h);
            }
            Text start = mainFound ? main : body;
            return phraseIn(normalText(start)).map(phrase -> "text says \"" + phrase + "\"");
        }

        /**
         * Scans {@code s} from its start; returns where an unfinished construct begins (to be carried
         * to the next piece), or {@code s.length()} when all was read. At the end of the page
         * ({@code atEnd}) nothing is carried: an unfinished tag is dropped, an unfinished title kept.
         */
        private int scan(String s, boolean atEnd) {
            int n = s.length();
            int i = 0;
            while (i < n && !settled) {
                if (raw != null) {
                    int end = indexOfEndTag(s, i, raw);
                    if (end < 0) {
                        // keep the tail that could be the start of the end tag
                        int keep = atEnd ? n : Math.max(i, n - raw.length() - 2);
                        int amp = s.lastIndexOf('&', keep - 1);
                        if (!atEnd && amp >= i && keep - amp < 40 && s.lastIndexOf(';', keep - 1) < amp) {
                            keep = amp; // a character reference may be cut
                        }
                        rawText(s, i, keep);
                        return keep;
                    }
                    rawText(s, i, end);
                    int close = s.indexOf('>', end);
                    if (close < 0) {
                        return atEnd ? n : end;
                    }
                    endRaw();
                    i = close + 1;
                    continue;
                }
                int lt = s.indexOf('<', i);
                int textEnd = lt < 0 ? n : lt;
                if (textEnd > i) {
                    // only the last piece's tail can hold a cut reference (looking back from every text run was quadratic)
                    int amp = lt < 0 && !atEnd ? s.lastIndexOf('&', textEnd - 1) : -1;
                    if (amp >= i && textEnd - amp < 40 && s.indexOf(';', amp) < 0) {
                        // a character reference may be cut: read up to it, carry it
                        text(s, i, amp);
                        return amp;
                    }
                    text(s, i, textEnd);
                }
                if (lt < 0) {
                    return n;
                }
                int next = markup(s, lt, atEnd);
                if (next < 0) {
                    return atEnd ? n : lt;
                }
                i = next;
            }
            return n;
        }

        /** Reads the markup at {@code lt}; returns the index after it, or -1 when it is unfinished. */
        private int markup(String s, int lt, boolean atEnd) {
            int n = s.length();
            if (lt + 1 >= n) {
                return -1;
            }
            char c = s.charAt(lt + 1);
            if (c == '!') {
                if (s.startsWith("<!--", lt)) {
                    int end = s.indexOf("-->", lt + 4);
                    return end < 0 ? -1 : end + 3;
                }
                if (!atEnd && lt + 4 > n) {
                    return -1; // "<!-" may yet become a comment
                }
                int end = s.indexOf('>', lt + 2);
                return end < 0 ? -1 : end + 1;
            }
            if (c == '?') {
                int end = s.indexOf('>', lt + 2);
                return end < 0 ? -1 : end + 1;
            }
            boolean endTag = c == '/';
            int nameStart = endTag ? lt + 2 : lt + 1;
            if (nameStart >= n) {
                return -1;
            }
            if (!Ascii.isLetter(s.charAt(nameStart))) {
                if (endTag) { // "</ ..." is a bogus comment to the next '>'
                    int end = s.indexOf('>', nameStart);
                    return end < 0 ? -1 : end + 1;
                }
                text(s, lt, lt + 1); // a lone '<' is text
                return lt + 1;
            }
            int nameEnd = nameStart;
            while (nameEnd < n && !isTagNameEnd(s.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd >= n) {
                return -1;
            }
            String name = s.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            boolean leftOut = false;
            boolean mainRole = false;
            boolean selfClosing = false;
            int i = nameEnd;
            // attributes: only role and aria-hidden matter; quoted values may hold '>'
            while (true) {
                while (i < n && Ascii.isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    return -1;
                }
                char a = s.charAt(i);
                if (a == '>') {
                    i++;
                    break;
                }
                if (a == '/') {
                    selfClosing = i + 1 < n && s.charAt(i + 1) == '>';
                    i++;
                    continue;
                }
                int attrStart = i;
                while (i < n && !Ascii.isSpace(s.charAt(i)) && s.charAt(i) != '>' && s.charAt(i) != '=' && !(s.charAt(i) == '/' && i > attrStart)) {
                    i++;
                }
                String attr = s.substring(attrStart, i);
                while (i < n && Ascii.isSpace(s.charAt(i))) {
                    i++;
                }
                String value = null;
                if (i < n && s.charAt(i) == '=') {
                    i++;
                    while (i < n && Ascii.isSpace(s.charAt(i))) {
                        i++;
                    }
                    if (i >= n) {
                        return -1;
                    }
                    char q = s.charAt(i);
                    if (q == '"' || q == '\'') {
                        int close = s.indexOf(q, i + 1);
                        if (close < 0) {
                            return -1;
                        }
                        value = s.substring(i + 1, close);
                        i = close + 1;
                    } else {
                        int start = i;
                        while (i < n && !Ascii.isSpace(s.charAt(i)) && s.charAt(i) != '>') {
                            i++;
                        }
                        value = s.substring(start, i);
                    }
                } else if (i >= n) {
                    return -1;
                }
                if (value != null && !endTag) {
                    String v = value.strip();
                    if (attr.equalsIgnoreCase("role")) {
                        leftOut |= v.equalsIgnoreCase("navigation");
                        mainRole |= v.equalsIgnoreCase("main");
                    } else if (attr.equalsIgnoreCase("aria-hidden")) {
                        leftOut |= v.equalsIgnoreCase("true");
                    }
                }
            }
            if (endTag) {
                endTag(name);
            } else {
                startTag(name, leftOut, mainRole, selfClosing);
            }
            return i;
        }

        private void startTag(String name, boolean leftOutByAttribute, boolean mainRole, boolean selfClosing) {
            if (!inBody && !HEAD_ELEMENTS.contains(name)) {
                inBody = true;
            }
            TagFacts tag = TagFacts.of(name);
            if (tag.block() || name.equals("br")) {
                blockBoundary();
            }
            if (name.equals("title") && !inBody) {
                if (!titleSeen) {
                    raw = name;
                    rawIsTitle = true;
                    rawIsText = false;
                    return;
                }
                raw = name; // a second title: its text is no one's
                rawIsTitle = false;
                rawIsText = false;
                return;
            }
            boolean leftOut = leftOutByAttribute || LEFT_OUT.contains(name);
            boolean isMain = !mainFound && leftOutDepth == 0 && !leftOut && (mainRole || MAIN.contains(name));
            boolean isHeading = !headingDone && !headingOpen && name.equals("h1");
            boolean isVoid = tag.empty() || (selfClosing && !tag.known());
            if (RAW_DATA.contains(name) || RAW_TEXT.contains(name) || (name.equals("title"))) {
                // script and style hold data; the others hold text but no tags
                push(name, leftOut, isMain, isHeading);
                raw = name;
                rawIsTitle = false;
                rawIsText = !RAW_DATA.contains(name);
                return;
            }
            if (!isVoid) {
                push(name, leftOut, isMain, isHeading);
            }
        }

        private void push(String name, boolean leftOut, boolean isMain, boolean isHeading) {
            if (open.size() >= MAX_DEPTH) {
                return;
            }
            open.add(new Open(name, leftOut, isMain, isHeading));
            if (leftOut) {
                leftOutDepth++;
            }
            if (isMain) {
                mainFound = true;
            }
            if (isHeading) {
                headingOpen = true;
            }
        }

        private void endTag(String name) {
            if (NOT_CLOSING.contains(name)) {
                if (name.equals("br")) {
                    blockBoundary(); // "</br>" is read as "<br>"
                }
                return;
            }
            if (name.equals("head")) {
                return; // the head's elements are never on the stack
            }
            int stop = Math.max(0, open.size() - END_TAG_SCOPE);
            for (int k = open.size() - 1; k >= stop; k--) {
                if (open.get(k).name().equals(name)) {
                    while (open.size() > k) {
                        pop();
                    }
                    break;
                }
            }
            if (TagFacts.of(name).block()) {
                blockBoundary();
            }
        }

        private void pop() {
            Open o = open.remove(open.size() - 1);
            if (o.leftOut()) {
                leftOutDepth--;
            }
            if (o.main()) {
                mainDone = true;
            }
            if (o.heading()) {
                headingOpen = false;
                headingDone = true;
            }
            settleIfDecided();
        }

        private void endRaw() {
            if (rawIsTitle) {
                titleSeen = true;
                String t = title.toString();
                if (says404(t) || titleOnly(normal(t))) {
                    settled = true; // the title decides before anything else is looked at
                }
            } else if (!raw.equals("title") || inBody) {
                endTag(raw);
            }
            raw = null;
            rawIsTitle = false;
            rawIsText = false;
        }

        /** Raw content from {@code from} to {@code to}: the title's (entities decoded) or a text element's. */
        private void rawText(String s, int from, int to) {
            if (from >= to) {
                return;
            }
            if (rawIsTitle) {
                title.append(decode(s.substring(from, to)));
            } else if (rawIsText) {
                text(s, from, to);
            }
        }

        /** Character data between tags. */
        private void text(String s, int from, int to) {
            // once the main element is found its text is the page's start, and the body's is never asked for
            boolean toBody = leftOutDepth == 0 && !mainFound;
            boolean toMain = leftOutDepth == 0 && mainFound && !mainDone;
            boolean toHeading = headingOpen;
            if (!toHeading && (!toBody || body.full()) && (!toMain || main.full())) {
                if (!inBody && !isBlank(s, from, to)) {
                    inBody = true;
                }
                return;
            }
            if (!inBody) {
                // before the body (short): decoded whole, since only the decoded text says whether the body began
                String chunk = decode(s.substring(from, to));
                inBody = !chunk.isBlank();
                appendTo(toHeading, toBody, toMain, chunk);
                return;
            }
            // In the body the characters are read where they lie, as far as each text has room, up to the first
            // character reference; only from there on is the rest decoded (text before a reference decodes to
            // itself). A page's long paragraph used to be copied and decoded whole for the 600 characters kept.
            int reference = -1;
            if (toHeading) {
                reference = Math.max(reference, heading.appendUpToReference(s, from, to));
            }
            if (toBody) {
                reference = Math.max(reference, body.appendUpToReference(s, from, to));
            }
            if (toMain) {
                reference = Math.max(reference, main.appendUpToReference(s, from, to));
            }
            if (reference >= 0) {
                appendTo(toHeading, toBody, toMain, decode(s.substring(reference, to)));
            }
            settleIfDecided();
        }

        /**
         * Stops the scan once nothing further down can change the verdict: the title is behind (it is
         * only taken before the body), the first {@code h1} has ended, and the main element has ended
         * or given all the text that counts. A page with a main element and a heading gets there as soon as
         * both are read, and the rest of what was fetched of it is not looked at.
         */
        private void settleIfDecided() {
            if (inBody && headingDone && mainFound && (mainDone || main.full())) {
                settled = true;
            }
        }

        private void appendTo(boolean toHeading, boolean toBody, boolean toMain, String chunk) {
            if (toHeading) {
                heading.append(chunk);
            }
            if (toBody) {
                body.append(chunk);
            }
            if (toMain) {
                main.append(chunk);
            }
        }

        private void blockBoundary() {
            heading.space();
            body.space();
            main.space();
        }

        /** Index of {@code </name} (any case) from {@code from}, or -1. */
        private static int indexOfEndTag(String s, int from, String name) {
            int i = from;
            while (true) {
                int lt = s.indexOf("</", i);
                if (lt < 0 || lt + 2 + name.length() > s.length()) {
                    return -1;
                }
                if (s.regionMatches(true, lt + 2, name, 0, name.length())
                        && (lt + 2 + name.length() == s.length() || isTagNameEnd(s.charAt(lt + 2 + name.length())))) {
                    return lt;
                }
                i = lt + 2;
            }
        }
    }

    /**
     * Visible text as a reader sees it: runs of white space as one space, none at the start, at most
     * {@code max} characters kept.
     */
    private static final class Text {
        private final StringBuilder text = new StringBuilder();
        private final int max;
        private boolean pendingSpace;

        Text(int max) {
            this.max = max;
        }

        boolean full() {
            return text.length() >= max;
        }

        void space() {
            if (text.length() > 0) {
                pendingSpace = true;
            }
        }

        void append(String chunk) {
            appendUpTo(chunk, 0, chunk.length(), false);
        }

        /**
         * Appends the undecoded text {@code s[from, to)} until it is full or meets a character reference;
         * returns the index of that {@code '&'} (the rest is the caller's to decode), else -1.
         */
        int appendUpToReference(String s, int from, int to) {
            return appendUpTo(s, from, to, true);
        }

        private int appendUpTo(String chunk, int from, int to, boolean stopAtReference) {
            int i = from;
            while (i < to && text.length() < max) {
                char c = chunk.charAt(i);
                if (stopAtReference && c == '&') {
                    return i;
                }
                if (Ascii.isSpace(c) || c == '\u00a0') {
                    space();
                    i++;
                    continue;
                }
                if (pendingSpace) {
                    text.append(' ');
                    pendingSpace = false;
                    if (text.length() >= max) {
                        return -1;
                    }
                }
                // a word at once, as far as there is room
                int end = i + 1;
                int room = i + (max - text.length());
                while (end < to && end < room) {
                    char d = chunk.charAt(end);
                    if (Ascii.isSpace(d) || d == '\u00a0' || (stopAtReference && d == '&')) {
                        break;
                    }
                    end++;
                }
                text.append(chunk, i, end);
                i = end;
            }
            return -1;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static String decode(String text) {
        return text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
    }

    private static boolean isTagNameEnd(char c) {
        return Ascii.isSpace(c) || c == '/' || c == '>';
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Ascii.isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A title or heading that says "missing": one of the phrases, or "404" as a word. */
    private static boolean says404(String text) {
        String n = normal(text);
        return !n.isEmpty() && (has404AsWord(n) || phraseIn(n).isPresent());
    }

    /** "404" not inside a longer run of digits or lower-case ASCII letters (so not "4049", not "a404"). */
    private static boolean has404AsWord(String normalText) {
        for (int i = normalText.indexOf("404"); i >= 0; i = normalText.indexOf("404", i + 1)) {
            boolean before = i == 0 || !isAsciiAlnum(normalText.charAt(i - 1));
            boolean after = i + 3 == normalText.length() || !isAsciiAlnum(normalText.charAt(i + 3));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /** A title that begins with a bare "not found" (and the word ends there). */
    private static boolean titleOnly(String normalTitle) {
        for (String start : TITLE_ONLY) {
            if (normalTitle.startsWith(start) && (normalTitle.length() == start.length()
                    || !isWordChar(normalTitle.charAt(start.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    }

    /** A word character as a regular expression's word boundary sees it. */
    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** The first of {@link #PHRASES} that the text contains. */
    private static Optional<String> phraseIn(String normalText) {
        return PHRASE_MATCHER.firstIn(normalText);
    }

    /**
     * {@link #normal} of a {@link Text}, which has its white space as {@code normal} leaves it already
     * (runs as one space, none at either end), so only the case and the apostrophes are left to do.
     */
    private static String normalText(Text text) {
        return text.toString().replace('\u2019', '\'').toLowerCase(Locale.ROOT).strip();
    }

    /** Lower case, apostrophes straightened, runs of white space (no-break space too) as one space, stripped. */
    private static String normal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Ascii.isSpace(c) || c == '\u00a0') {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c == '\u2019' ? '\'' : c);
        }
        if (space) {
            out.append(' ');
        }
        return out.toString().toLowerCase(Locale.ROOT).strip();
    }

    private static Optional<String> evidence(String where, String text) {
        return Optional.of(where + " \"" + OneLine.of(text.strip(), 80) + "\"");
    }
}
