package no.kildevakt.fetch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * One cookie jar for one run, in memory only. Some sites set a cookie and redirect to the same URL
 * (a consent or session check); a client without cookies sees that as a loop: the link checker
 * would call a working link broken, and a crawl would fail the source with "too many redirects".
 * Nothing is kept after the run: neither has a session to keep.
 */
public final class RunCookieJar implements CookieJar {
    private final List<Cookie> cookies = new ArrayList<>();
    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
        for (Cookie cookie : received) {
            cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain())
                    && c.path().equals(cookie.path()));
            cookies.add(cookie);
        }
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
        long now = System.currentTimeMillis(); // OkHttp stamps expiry with the system clock
        List<Cookie> matching = new ArrayList<>();
        for (Iterator<Cookie> it = cookies.iterator(); it.hasNext();) {
            Cookie cookie = it.next();
            if (cookie.expiresAt() < now) {
                it.remove();
            } else if (cookie.matches(url)) {
                matching.add(cookie);
            }
        }
        return matching;
    }

    /**
     * {@code url} with the cookies a request to it would carry: what a redirect walk remembers, so
     * that coming back to a URL with a cookie set on the way is a cookie check, and only coming back
     * with the same cookies is a loop (the crawl's redirects and the link checker's hops alike).
     */
    public synchronized String visit(HttpUrl url) {
        StringBuilder key = new StringBuilder().append(url).append('\n');
        for (Cookie cookie : loadForRequest(url)) {
            key.append(cookie.name()).append('=').append(cookie.value()).append("; ");
        }
        return key.toString();
    }
}
