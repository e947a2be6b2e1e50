package no.kildevakt.read.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.read.html.BoundedHtmlParser;
import no.kildevakt.text.OneLine;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the JSON a page embeds for its own scripts, so that a listing rendered in the browser
 * can be read without running JavaScript. {@code select.script} names it:
 * <ul>
 *   <li>a variable: {@code window.SERVER_DATA} finds {@code window.SERVER_DATA = {...};} (and
 *       {@code var|let|const SERVER_DATA = ...}) in any inline script; the value may be a JSON
 *       object or list, or {@code JSON.parse('...')} of a string literal;</li>
 *   <li>an element: {@code #__NEXT_DATA__} (or the bare id when no variable of that name is
 *       assigned) is a {@code <script type="application/json" id="__NEXT_DATA__">} whose text is JSON.</li>
 * </ul>
 * Only the value is read: whatever script follows it ({@code ; window.X = ...}) is left alone.
 * The value is read leniently (unquoted names, single quotes, trailing commas, comments), because
 * it is JavaScript that happens to look like JSON, not JSON served as such.
 *
 * <p>The page is parsed within {@link BoundedHtmlParser}'s element budget, and the JSON within
 * {@link JsonReader}'s limits on nesting and number length, so a hostile page is a one-line
 * failure of its source rather than of the crawl.
 */
final class EmbeddedJson {

    private EmbeddedJson() {}

    /**
     * The JSON value {@code script} names in {@code html}.
     *
     * @param lenient a mapper that reads JavaScript-ish literals
     * @throws EmbeddedJsonException one line naming what was looked for and what was found
     */
    static JsonNode find(String html, String script, ObjectMapper lenient) throws EmbeddedJsonException {
        String name = script.strip();
        BoundedHtmlParser.Parsed parsed = BoundedHtmlParser.DEFAULT.parse(html, "");
        Document page = parsed.document();
        String cut = parsed.truncated() ? " (" + parsed.warning() + ")" : "";
        if (name.startsWith("#")) {
            return byId(page, name.substring(1), name, lenient, cut);
        }
        List<Element> scripts = page.select("script");
        Pattern assignment = assignmentOf(name);
        for (Element element : scripts) {
            String code = element.data();
            Matcher m = assignment.matcher(code);
            if (m.find()) {
                return valueAt(code, m.end(), name, lenient);
            }
        }
        Element byId = page.getElementById(name);
        if (byId != null) {
            return byId(page, name, name, lenient, cut);
        }
        throw new EmbeddedJsonException("select.script \"" + name + "\": no assignment to it in the page's "
                + scripts.size() + " script element(s), and no element with that id" + cut);
    }

    private static JsonNode byId(Document page, String id, String name, ObjectMapper lenient, String cut) throws EmbeddedJsonException {
        Element element = page.getElementById(id);
        if (element == null) {
            throw new EmbeddedJsonException("select.script \"" + name + "\": no element with id \"" + id + "\" in the page" + cut);
        }
        String text = element.tagName().equals("script") ? element.data() : element.wholeText();
        try {
            return lenient.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EmbeddedJsonException("select.script \"" + name + "\": the element's text is not JSON: "
                    + JsonReader.cause(e));
        }
    }

    /** {@code window.X =}, {@code X =}, {@code var X =} (not {@code ==}, not {@code foo.window.X =}). */
    private static Pattern assignmentOf(String name) {
        List<String> names = new ArrayList<>();
        names.add(Pattern.quote(name));
        if (name.startsWith("window.")) {
            String bare = name.substring("window.".length());
            names.add(Pattern.quote(bare));
            names.add("window\\[\\s*[\"']" + Pattern.quote(bare) + "[\"']\\s*\\]");
        }
        return Pattern.compile("(?<![\\w$.])(?:(?:var|let|const)\\s+)?(?:" + String.join("|", names) + ")\\s*=(?![=>])\\s*");
    }

    private static JsonNode valueAt(String code, int offset, String name, ObjectMapper lenient) throws EmbeddedJsonException {
        String rest = code.substring(offset);
        Matcher parseCall = JSON_PARSE.matcher(rest);
        JsonParser parser = null;
        try {
            String json = parseCall.lookingAt() ? JsStringLiteral.read(rest, parseCall.end()) : rest;
            parser = lenient.createParser(json);
            JsonNode value = lenient.readTree(parser);
            if (parseCall.lookingAt()) {
                return value == null ? lenient.missingNode() : value; // as readTree(String) gave for an empty string
            }
            if (value == null || !(value.isObject() || value.isArray())) {
                throw new EmbeddedJsonException("select.script \"" + name + "\": the value assigned is no JSON object or list");
            }
            return value;
        } catch (JsonProcessingException e) {
            // the limits' exceptions carry no location; the parser knows where it stopped
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new EmbeddedJsonException("select.script \"" + name + "\": the value assigned is not JSON: "
                    + JsonReader.cause(e) + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + " of the value)");
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new EmbeddedJsonException("select.script \"" + name + "\": " + OneLine.of(e.getMessage()));
        } catch (IOException e) {
            throw new EmbeddedJsonException("select.script \"" + name + "\": " + OneLine.of(String.valueOf(e)));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // a parser over a String has nothing to close
                }
            }
        }
    }

    private static final Pattern JSON_PARSE = Pattern.compile("JSON\\.parse\\(\\s*");

    /** The text of a JavaScript string literal ({@code '...'} or {@code "..."}) with its escapes undone. */
    static final class JsStringLiteral {
        private JsStringLiteral() {}

        static String read(String code, int start) {
            if (start >= code.length() || (code.charAt(start) != '\'' && code.charAt(start) != '"' && code.charAt(start) != '`')) {
                throw new IllegalArgumentException("JSON.parse( is not followed by a string literal");
            }
            char quote = code.charAt(start);
            StringBuilder out = new StringBuilder();
            for (int i = start + 1; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == quote) {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (++i >= code.length()) {
                    break;
                }
                char e = code.charAt(i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case '0' -> out.append('\0');
                    case 'x' -> {
                        out.append((char) Integer.parseInt(code.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    case 'u' -> {
                        out.append((char) Integer.parseInt(code.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    case '\n' -> { } // a line continuation
                    default -> out.append(e);
                }
            }
            throw new IllegalArgumentException("the string passed to JSON.parse( never ends");
        }
    }

    /** The embedded JSON could not be found or read; the message is one line. */
    static final class EmbeddedJsonException extends Exception {
        EmbeddedJsonException(String message) {
            super(message);
        }
    }
}
