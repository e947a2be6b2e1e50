package no.kildevakt.read.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A field path into a JSON value, as feeds.yml writes it: dotted field names with list indexes,
 * {@code NodeLoader.node.lists[0].items}, {@code hits}, {@code saker_liste}, {@code komite.navn}.
 * An optional leading {@code $} or {@code $.} is ignored; the empty path is the value itself.
 *
 * <p>Why not JSONPath: sources need only the plain walk, and a failed walk must say exactly
 * where it stopped and what was there instead, so an editor can fix feeds.yml from the message
 * alone ({@code no field "b" in an object with fields x, y}).
 *
 * @param text     the path as written
 * @param segments field names ({@link String}) and indexes ({@link Integer}), in order
 */
public record JsonPath(String text, List<Object> segments) {

    /** How many field names a "no field" message lists before it cuts off. */
    static final int FIELDS_SHOWN = 12;

    public JsonPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when it is no path ({@code a..b}, {@code a[x]}, {@code a[1})
     */
    public static JsonPath parse(String text) {
        String s = text == null ? "" : text.strip();
        String rest = s.startsWith("$.") ? s.substring(2) : s.startsWith("$") ? s.substring(1) : s;
        List<Object> segments = new ArrayList<>();
        int i = 0;
        boolean expectName = true;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '[') {
                int close = rest.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("path \"" + s + "\": unclosed [");
                }
                String index = rest.substring(i + 1, close).strip();
                if (!index.matches("\\d{1,9}")) {
                    throw new IllegalArgumentException("path \"" + s + "\": [" + index + "] is no list index (use [0], [1], ...)");
                }
                segments.add(Integer.parseInt(index));
                i = close + 1;
                expectName = false;
            } else if (c == '.') {
                if (expectName) {
                    throw new IllegalArgumentException("path \"" + s + "\": empty field name");
                }
                i++;
                expectName = true;
                if (i == rest.length()) {
                    throw new IllegalArgumentException("path \"" + s + "\": ends with a dot");
                }
            } else {
                if (!expectName) {
                    throw new IllegalArgumentException("path \"" + s + "\": a . is missing before \"" + rest.substring(i) + "\"");
                }
                int end = i;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    end++;
                }
                segments.add(rest.substring(i, end).strip());
                i = end;
                expectName = false;
            }
        }
        return new JsonPath(s, segments);
    }

    /** Whether this path is the value itself. */
    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /**
     * The value at this path in {@code root}.
     *
     * @throws PathException naming the step that failed and what was there instead
     */
    public JsonNode resolve(JsonNode root) throws PathException {
        JsonNode node = root;
        StringBuilder walked = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                if (!node.isArray()) {
                    throw new PathException(at(walked) + "expected a list for [" + index + "], found " + describe(node));
                }
                if (index >= node.size()) {
                    throw new PathException(at(walked) + "no item [" + index + "] in a list of " + node.size());
                }
                node = node.get(index);
                walked.append('[').append(index).append(']');
            } else {
                String name = (String) segment;
                if (!node.isObject()) {
                    throw new PathException(at(walked) + "expected an object with field \"" + name + "\", found " + describe(node));
                }
                JsonNode next = node.get(name);
                if (next == null) {
                    throw new PathException(at(walked) + "no field \"" + name + "\" in " + describe(node));
                }
                node = next;
                if (!walked.isEmpty()) {
                    walked.append('.');
                }
                walked.append(name);
            }
        }
        return node;
    }

    /** The value at this path, or empty when it is missing or JSON null: for optional per-item fields. */
    public Optional<JsonNode> find(JsonNode root) {
        try {
            JsonNode node = resolve(root);
            return node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (PathException e) {
            return Optional.empty();
        }
    }

    private static String at(StringBuilder walked) {
        return walked.isEmpty() ? "" : "at \"" + walked + "\": ";
    }

    /** A short description of a value: its kind, and for an object the names of its fields. */
    static String describe(JsonNode node) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                return "an empty object";
            }
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            while (it.hasNext() && names.size() < FIELDS_SHOWN) {
                names.add(it.next());
            }
            String more = node.size() > FIELDS_SHOWN ? ", … (" + node.size() + " fields)" : "";
            return "an object with fields " + String.join(", ", names) + more;
        }
        if (node.isArray()) {
            return "a list of " + node.size();
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }

    /** A path that does not fit the document; the message says where and why, in one line. */
    public static final class PathException extends Exception {
        public PathException(String message) {
            super(message);
        }
    }
}
