package no.kildevakt.review;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page templates (mustache, under {@code no/kildevakt/review/templates/}). Mustache escapes every
 * {@code {{value}}} for HTML, attributes included ({@code "}, {@code '}, {@code `}, {@code =}), so
 * crawled text reaches the page only as text; the templates use no triple braces, and links come
 * only through {@link no.kildevakt.digest.WebLinks#safe}. Compiled once, at start, so a broken
 * template stops the server rather than one page.
 */
final class Templates {
    static final String[] PAGES = {"review", "draft", "sources", "links", "error"};

    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    Templates() {
        DefaultMustacheFactory factory = new DefaultMustacheFactory("no/kildevakt/review/templates");
        for (String page : PAGES) {
            compiled.put(page, factory.compile(page + ".mustache"));
        }
    }

    String render(String page, Object scope) {
        Mustache template = compiled.get(page);
        if (template == null) {
            throw new IllegalArgumentException("no template " + page);
        }
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }
}
