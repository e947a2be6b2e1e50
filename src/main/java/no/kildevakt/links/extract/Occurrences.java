package no.kildevakt.links.extract;

import no.kildevakt.text.OneLine;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the occurrences of one document: resolves relative links against the base in force and keeps
 * document order. Every occurrence has a place of its own: where several links share a line, page or
 * paragraph, each is numbered in the order found ({@code line 1, link 3}), so an editor fixing a dead
 * link finds each citation, even the same link cited twice on one long line. Not thread-safe; one per
 * document.
 */
final class Occurrences {
    /** Anchor text beyond this is cut: a whole linked block (a card, an image caption) is not a label. */
    static final int MAX_TEXT = 200;

    private final String document;
    private final List<LinkOccurrence> links = new ArrayList<>();
    /** URL and location of each marked-up link, which a bare URL in its text repeats. */
    private final Set<String> markedUpAtLocations = new HashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean unreadable;

    Occurrences(String document) {
        this.document = document;
    }

    /** Adds a link written as {@code href}, resolved against {@code base} (may be null). */
    void add(String href, String base, String location, String text) {
        addOccurrence(new LinkOccurrence(resolve(href, base), document, location, OneLine.of(text, MAX_TEXT)));
    }

    /** Adds a link that is already absolute, with its anchor text. */
    void addAbsolute(String url, String location, String text) {
        addOccurrence(new LinkOccurrence(url, document, location, OneLine.of(text, MAX_TEXT)));
    }

    private void addOccurrence(LinkOccurrence occurrence) {
        links.add(occurrence);
        markedUpAtLocations.add(occurrence.url() + "\n" + occurrence.location());
    }

    /**
     * Adds a URL found in running text at {@code location}, unless a marked-up link with the same URL
     * is already there (a Markdown {@code [https://x.no](https://x.no)}, a PDF link annotation over
     * the printed URL): that one carries the anchor text.
     */
    void addBare(String url, String location) {
        if (!markedUpAtLocations.contains(url + "\n" + location)) {
            links.add(new LinkOccurrence(url, document, location, ""));
        }
    }

    void warn(String warning) {
        warnings.add(OneLine.of(warning));
    }

    /** A warning that the document, or part of it, could not be read: see {@link ExtractedDocument#unreadable()}. */
    void fail(String warning) {
        warn(warning);
        unreadable = true;
    }

    void warnAll(List<String> more) {
        more.forEach(this::warn);
    }

    /** A cause for a warning: the exception's message on one line, or its type when it has none. */
    static String describe(Exception e) {
        String message = OneLine.of(e.getMessage(), 200);
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    /** The occurrences in document order, those sharing a location numbered within it ({@link #numbered}). */
    List<LinkOccurrence> links() {
        return numbered(links);
    }

    /**
     * {@code occurrences} with the location of each that shares its location with others made its own:
     * {@code line 1} becomes {@code line 1, link 1}, {@code line 1, link 2}, ... in the order given. A
     * link alone at its location keeps it as it is.
     */
    static List<LinkOccurrence> numbered(List<LinkOccurrence> occurrences) {
        Map<String, Integer> perLocation = new HashMap<>();
        occurrences.forEach(o -> perLocation.merge(o.location(), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<LinkOccurrence> out = new ArrayList<>(occurrences.size());
        for (LinkOccurrence o : occurrences) {
            if (perLocation.get(o.location()) == 1) {
                out.add(o);
            } else {
                int n = seen.merge(o.location(), 1, Integer::sum);
                out.add(new LinkOccurrence(o.url(), o.document(), o.location() + ", link " + n, o.text()));
            }
        }
        return List.copyOf(out);
    }

    ExtractedDocument result(DocumentType type, String title) {
        return new ExtractedDocument(document, type.id(), OneLine.of(title), links(), warnings, unreadable);
    }

    /** The result with the entries {@code entries} collected (its title is no entry). */
    ExtractedDocument result(DocumentType type, String title, Entries entries) {
        String line = OneLine.of(title);
        List<IssueEntry> found = entries.finish(line);
        if (entries.warning() != null) {
            warn(entries.warning());
        }
        return new ExtractedDocument(document, type.id(), line, links(), warnings, unreadable, found);
    }

    /**
     * {@code href} as a browser reads it (ASCII tabs and line breaks removed, outer white space
     * stripped), resolved against {@code base} when it is relative and the base is an http(s) URL.
     * In-document anchors ({@code #top}) stay as written: they point into the issue itself, not at a
     * page to check. {@code //host/path} without a base becomes {@code https://host/path}, which is what
     * every reader opening the issue today would get.
     */
    static String resolve(String href, String base) {
        String link = href == null ? "" : withoutTabsAndBreaks(href).strip();
        LinkScheme scheme = LinkScheme.of(link);
        if (scheme != LinkScheme.RELATIVE) {
            return link;
        }
        if (base != null && LinkScheme.of(base) == LinkScheme.HTTP) {
            try {
                return new URL(new URL(base), link).toExternalForm();
            } catch (MalformedURLException e) {
                return link;
            }
        }
        return link.startsWith("//") ? "https:" + link : link;
    }

    /** {@code href} without ASCII tabs and line breaks (what a browser drops from a URL); most have none. */
    private static String withoutTabsAndBreaks(String href) {
        if (href.indexOf('\t') < 0 && href.indexOf('\n') < 0 && href.indexOf('\r') < 0) {
            return href;
        }
        StringBuilder out = new StringBuilder(href.length());
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
