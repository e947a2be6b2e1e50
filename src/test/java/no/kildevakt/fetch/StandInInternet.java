package no.kildevakt.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import okhttp3.Dns;

/**
 * A resolver and an address classification under the tests' control, so the public-to-private
 * rule can be tested without the internet: every test server listens on loopback, and names ending
 * in {@code .example} stand for sites on the internet. They resolve to the loopback server but
 * carry their name, and {@link #SCOPE} calls such addresses public. {@code .test} names and
 * {@code localhost} resolve to the same server and stay what they are, loopback; {@code .invalid}
 * names do not resolve.
 */
public final class StandInInternet {
    private StandInInternet() {}

    public static final Dns DNS = host -> {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".example") || h.endsWith(".test") || h.equals("localhost")) {
            return List.of(InetAddress.getByAddress(host, InetAddress.getByName("localhost").getAddress()));
        }
        throw new UnknownHostException(host);
    };

    /** Public for addresses a {@code .example} name resolved to; the real classification for the rest. */
    public static final Function<InetAddress, AddressScope> SCOPE =
            address -> nameOf(address).endsWith(".example") ? AddressScope.PUBLIC : AddressScope.of(address);

    /** The name an address was made with ("" for none): its toString, which never asks DNS. */
    static String nameOf(InetAddress address) {
        String s = address.toString();
        return s.substring(0, s.indexOf('/')).toLowerCase(Locale.ROOT);
    }

    /** Fetcher options that resolve and classify as above. */
    public static FetcherOptions options(FetcherOptions base) {
        return base.withDns(DNS).withAddressScope(SCOPE);
    }
}
