package no.kildevakt.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Host names written in letters beyond ASCII ({@code https://blåkors.no/}) in the xn-- form that DNS
 * and HTTP use ({@code https://xn--blkors-jua.no/}), as a browser's address bar takes them.
 *
 * <p>Why: Norwegian domains may have æ, ø and å, and {@link URI}, which feeds.yml and the commands
 * that take a URL parse with, knows no host beyond ASCII: such a URL had no host and was refused. The
 * HTTP client's own mapping (IDNA, UTS #46) makes the name, so what kildevakt stores and shows is
 * what the crawl asks for.
 */
public final class IdnHosts {
    private static final Pattern PORT = Pattern.compile(":[0-9]*$");

    private IdnHosts() {
    }

    /**
     * {@code uri} with its host in xn-- form; {@code uri} itself when it has a host already, its
     * authority holds no name beyond ASCII, or no mapping makes that name valid (the caller then
     * refuses it as it would have).
     */
    public static URI toAscii(URI uri) {
        String authority = uri.getRawAuthority();
        if (uri.getHost() != null || authority == null) {
            return uri;
        }
        int at = authority.lastIndexOf('@');
        String userInfo = authority.substring(0, at + 1);
        String hostAndPort = authority.substring(at + 1);
        Matcher port = PORT.matcher(hostAndPort);
        String host = port.find() ? hostAndPort.substring(0, port.start()) : hostAndPort;
        if (host.chars().allMatch(c -> c < 0x80)) {
            return uri;
        }
        HttpUrl mapped = HttpUrl.parse("http://" + host + "/");
        if (mapped == null) {
            return uri;
        }
        String written = uri.toString();
        int start = written.indexOf("//" + authority);
        if (start < 0) {
            return uri;
        }
        try {
            URI ascii = new URI(written.substring(0, start + 2) + userInfo + mapped.host() + hostAndPort.substring(host.length())
                    + written.substring(start + 2 + authority.length()));
            return ascii.getHost() == null ? uri : ascii;
        } catch (URISyntaxException e) {
            return uri;
        }
    }
}
