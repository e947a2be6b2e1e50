package no.kildevakt.digest;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The HTML templates of this package (mustache, under {@code no/kildevakt/digest/} on the classpath).
 * Mustache escapes every {@code {{value}}} for HTML, so crawled text reaches a page only as text; the
 * templates use no triple braces, and view models hand them only {@link WebLinks#safe safe} links.
 */
final class Templates {
    private Templates() {}

    /** Compiles a template of this package; an unreadable template is a packaging bug. */
    static Mustache compile(String name) {
        return new DefaultMustacheFactory("no/kildevakt/digest").compile(name);
    }

    static String render(Mustache template, Object view) {
        StringWriter out = new StringWriter();
        try {
            template.execute(out, view).flush();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
