package no.kildevakt.digest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which crawled URLs may become links in what the editors read. Only absolute http and https URLs with
 * a host: a {@code javascript:}, {@code data:} or {@code file:} URL in a hostile feed must never be one
 * click away in a mail, so anything else is shown as text, if at all.
 */
public final class WebLinks {
    private WebLinks() {}

    /** The URL when it is safe to link to, else empty. */
    public static Optional<String> safe(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String u = url.strip();
        if (u.isEmpty() || u.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\')) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return Optional.of(u);
            }
        } catch (URISyntaxException e) {
            // not a URL a browser would take as given: not a link
        }
        return Optional.empty();
    }
}
