package no.kildevakt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import org.junit.jupiter.api.Test;

class IdnHostsTest {

    @Test
    void aHostBeyondAsciiTakesItsXnFormAndTheRestStaysAsWritten() throws Exception {
        // the xn-- forms as Python's idna codec gives them, an implementation apart from OkHttp's
        URI uri = IdnHosts.toAscii(new URI("https://Blåkors.no/nyheter/rss?år=2024#topp"));
        assertEquals("https://xn--blkors-jua.no/nyheter/rss?år=2024#topp", uri.toString());
        assertEquals("xn--blkors-jua.no", uri.getHost());
        assertEquals("http://ola:pw@xn--smrbukk-r1a.no:8080/", IdnHosts.toAscii(new URI("http://ola:pw@smørbukk.no:8080/")).toString());
    }

    @Test
    void whatHasAHostOrCannotBeMappedIsLeftAsItIs() throws Exception {
        URI plain = new URI("https://www.regjeringen.no/no/aktuelt/");
        assertSame(plain, IdnHosts.toAscii(plain));
        URI noHost = new URI("mailto:ola@blåkors.no");
        assertSame(noHost, IdnHosts.toAscii(noHost));
        URI refused = new URI("https://blå kors.no/".replace(" ", "%20"));
        assertNull(IdnHosts.toAscii(refused).getHost());
    }
}
