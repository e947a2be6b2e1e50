package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Every client a run builds stands on one TLS set-up: OkHttp made a new one per client, some 30 ms each. */
class ClientBaseTest {

    private static OkHttpClient client() {
        return new ClientBase("kildevakt/test", Headers.EMPTY, Duration.ofSeconds(2), Duration.ofSeconds(4), Dns.SYSTEM,
                new PrivateNetworkRule(Dns.SYSTEM, address -> AddressScope.PUBLIC), new ConnectionPool(), no.kildevakt.config.Proxies.UNSET).newBuilder().build();
    }

    @Test
    void twoClientsShareOneTlsContext() {
        OkHttpClient first = client();
        OkHttpClient second = client();
        assertSame(first.sslSocketFactory(), second.sslSocketFactory());
        assertSame(first.x509TrustManager(), second.x509TrustManager());
    }
}
