package no.kildevakt.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kildevakt.config.MailConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail server whose certificate this Java does not trust (GreenMail's SMTPS, self-signed): the
 * failure is said in the same words as a source's or a link's, not as "PKIX path building failed:
 * sun.security.provider.certpath.SunCertPathBuilderException: ...".
 */
class DigestMailerTlsTest {
    @RegisterExtension
    static final GreenMailExtension SMTPS = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

    @Test
    void anUntrustedMailServerIsSaidInWords() {
        int port = SMTPS.getSmtps().getPort();
        MailConfig config = new MailConfig("127.0.0.1", port, false, true, "kildevakt@example.no", List.of("a@example.no"),
                Optional.empty(), MailConfig.DEFAULT_PASSWORD_ENV);
        DigestMailer mailer = new DigestMailer(config, Map.of(), Clock.fixed(Instant.parse("2025-04-01T05:00:00Z"), ZoneOffset.UTC));
        MailDeliveryException e = assertThrows(MailDeliveryException.class, () -> mailer.send(new Digest(Period.parse("2025-03"), List.of(), java.util.OptionalDouble.empty())));
        assertEquals("mail via 127.0.0.1:" + port + " failed: TLS failure: the server's certificate is not trusted by this Java"
                + " (self-signed, from an unknown authority, or sent without its intermediate certificates)", e.getMessage());
        assertEquals(0, SMTPS.getReceivedMessages().length);
    }
}
