package no.kildevakt.links.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import no.kildevakt.fetch.AddressScope;
import no.kildevakt.fetch.Sleeper;
import okhttp3.Dns;

/**
 * The link checker's contact with the world outside HTTP — waiting, randomness, time, name
 * lookups, which addresses are public — so tests can record backoff instead of sleeping, freeze
 * the clock, resolve made-up host names to loopback without real DNS, and call some of them public.
 *
 * @param sleeper      how retries wait
 * @param random       backoff jitter
 * @param clock        timestamps of results and HTTP-date Retry-After values
 * @param dns          host name lookups
 * @param addressScope which addresses count as public, for {@link no.kildevakt.fetch.PrivateNetworkRule}
 */
public record CheckRuntime(Sleeper sleeper, RandomGenerator random, Clock clock, Dns dns,
        Function<InetAddress, AddressScope> addressScope) {

    public CheckRuntime {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(addressScope, "addressScope");
    }

    /**
     * Real sleeping, randomness and clock; system DNS, except that {@code .invalid} names never resolve;
     * real address scopes.
     */
    public static CheckRuntime defaults() {
        return new CheckRuntime(Sleeper.REAL, RandomGenerator.getDefault(), Clock.systemUTC(), RESERVED_INVALID, AddressScope::of);
    }

    public CheckRuntime withSleeper(Sleeper s) {
        return new CheckRuntime(s, random, clock, dns, addressScope);
    }

    public CheckRuntime withRandom(RandomGenerator r) {
        return new CheckRuntime(sleeper, r, clock, dns, addressScope);
    }

    public CheckRuntime withClock(Clock c) {
        return new CheckRuntime(sleeper, random, c, dns, addressScope);
    }

    public CheckRuntime withDns(Dns d) {
        return new CheckRuntime(sleeper, random, clock, d, addressScope);
    }

    public CheckRuntime withAddressScope(Function<InetAddress, AddressScope> scope) {
        return new CheckRuntime(sleeper, random, clock, dns, scope);
    }

    /**
     * System DNS that answers {@code .invalid} (RFC 6761: never resolves) itself instead of asking a
     * resolver that may take seconds to say so.
     */
    static final Dns RESERVED_INVALID = new Dns() {
        @Override
        public List<InetAddress> lookup(String host) throws UnknownHostException {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.equals("invalid") || h.endsWith(".invalid") || h.endsWith(".invalid.")) {
                throw new UnknownHostException(host);
            }
            return Dns.SYSTEM.lookup(host);
        }
    };
}
