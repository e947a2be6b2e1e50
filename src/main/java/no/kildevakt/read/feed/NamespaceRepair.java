package no.kildevakt.read.feed;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declares namespace prefixes that a document uses but never declares ({@code <content:encoded>} in a
 * feed without {@code xmlns:content}) — a common publishing slip that would otherwise make the whole feed
 * unreadable. Well-known feed prefixes get their real namespace, so Rome still recognises the module;
 * any other prefix gets a private placeholder URI.
 */
final class NamespaceRepair {
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("georss", "http://www.georss.org/georss"),
            Map.entry("googleplay", "http://www.google.com/schemas/play-podcasts/1.0"));
    private static final Pattern ELEMENT_PREFIX = Pattern.compile("</?([A-Za-z_][\\w.-]*):[A-Za-z_]");
    private static final Pattern ATTRIBUTE_PREFIX = Pattern.compile("\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");
    private static final Pattern ROOT_START = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    private NamespaceRepair() {}

    /** The text with the missing declarations added to the root element, or null when nothing was missing. */
    static String declareMissing(String xml) {
        Set<String> used = new LinkedHashSet<>();
        collect(ELEMENT_PREFIX.matcher(xml), used);
        collect(ATTRIBUTE_PREFIX.matcher(xml), used);
        StringBuilder declarations = new StringBuilder();
        for (String prefix : used) {
            if (prefix.equals("xml") || prefix.equals("xmlns")
                    || Pattern.compile("xmlns:" + Pattern.quote(prefix) + "\\s*=").matcher(xml).find()) {
                continue;
            }
            String uri = KNOWN.getOrDefault(prefix, "urn:x-kildevakt:undeclared:" + prefix);
            declarations.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"');
        }
        if (declarations.length() == 0) {
            return null;
        }
        int root = rootStart(xml);
        if (root < 0) {
            return null;
        }
        Matcher m = ROOT_START.matcher(xml);
        if (!m.find(root) || m.start() != root) {
            return null;
        }
        return xml.substring(0, m.end()) + declarations + xml.substring(m.end());
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    /** Offset of the root element's '<', skipping comments and processing instructions. */
    private static int rootStart(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '<') {
                i++;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                if (end < 0) {
                    return -1;
                }
                i = end + 3;
            } else if (s.startsWith("<?", i) || s.startsWith("<!", i)) {
                int end = s.indexOf('>', i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
            } else {
                return i;
            }
        }
        return -1;
    }
}
