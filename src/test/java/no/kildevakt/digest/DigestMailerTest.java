package no.kildevakt.digest;

import static no.kildevakt.digest.Fixtures.keywords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kildevakt.config.MailConfig;
import no.kildevakt.store.StoredItem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Mail delivery against GreenMail, a real SMTP server running in this JVM on a free loopback port. */
class DigestMailerTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("kildevakt@example.no", "kv", "hemmelig-æøå"));

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T05:00:00Z"), ZoneOffset.UTC);
    private static final Instant SIXTH = Instant.parse("2025-03-06T09:00:00Z");

    @TempDir
    Path dir;

    private Digest digest;

    @BeforeEach
    void setUp() throws Exception {
        Candidates candidates = new Candidates(Fixtures.config(dir), keywords(5, "menneskehandel", 10));
        List<StoredItem> items = List.of(
                Fixtures.stored(1, "reg-jd", "norske", "Tiltak mot menneskehandel på Østlandet", "Blåbærsyltetøy og æøå ÆØÅ.", SIXTH, null, SIXTH, "new"),
                FormatsTest.withUrl(Fixtures.stored(2, "ilo", "internasjonale", "<script>alert(1)</script> menneskehandel",
                        "<img src=x onerror=alert(1)>", SIXTH, null, SIXTH, "new"), "javascript:alert(1)"));
        digest = candidates.arrange(Period.parse("2025-03"), items, Selection.DEFAULT);
    }

    private static MailConfig mail(Optional<String> username) {
        return new MailConfig("127.0.0.1", SMTP.getSmtp().getPort(), false, false, "kildevakt@example.no",
                List.of("redaksjonen@example.no", "Ola Nordmann <ola@example.no>"), username, "KV_SMTP_PASSWORD");
    }

    @Test
    void sendsHtmlWithATextAlternativeToEveryRecipientInUtf8() throws Exception {
        new DigestMailer(mail(Optional.of("kv")), Map.of("KV_SMTP_PASSWORD", "hemmelig-æøå"), CLOCK).send(digest);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(2, received.length, "one copy per recipient");
        MimeMessage m = received[0];
        assertEquals("kildevakt: 2 nye saker 1.–31. mars 2025", m.getSubject());
        assertEquals(List.of("redaksjonen@example.no", "Ola Nordmann <ola@example.no>"),
                Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
        assertEquals("kildevakt@example.no", m.getFrom()[0].toString());
        assertEquals(Instant.parse("2025-04-01T05:00:00Z"), m.getSentDate().toInstant());
        assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());

        Multipart parts = (Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        Part text = parts.getBodyPart(0);
        Part html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain") && text.getContentType().toLowerCase().contains("utf-8"), text.getContentType());
        assertTrue(html.isMimeType("text/html") && html.getContentType().toLowerCase().contains("utf-8"), html.getContentType());

        String plain = (String) text.getContent();
        assertTrue(plain.contains("Tiltak mot menneskehandel på Østlandet"), plain);
        assertTrue(plain.contains("Blåbærsyltetøy og æøå ÆØÅ."), plain);
        assertTrue(plain.contains("https://example.no/sak/1"), plain);
        assertFalse(plain.contains("javascript:"), plain);

        String source = (String) html.getContent();
        // in the HTML part the feed's markup is escaped (the text part shows it as the plain text it is)
        assertFalse(source.contains("<script>") || source.contains("<img"), source);
        Document page = Jsoup.parse(source);
        assertTrue(page.text().contains("Blåbærsyltetøy og æøå ÆØÅ."), page.text());
        assertTrue(page.select("script, img").isEmpty(), page.html());
        assertTrue(page.text().contains("<script>alert(1)</script> menneskehandel"), page.text());
        assertEquals(List.of("https://example.no/sak/1"), page.select("a").eachAttr("href"));
    }

    @Test
    void aWrongPasswordIsOneLineAndNamesTheServer() {
        DigestMailer mailer = new DigestMailer(mail(Optional.of("kv")), Map.of("KV_SMTP_PASSWORD", "feil"), CLOCK);
        MailDeliveryException e = assertThrows(MailDeliveryException.class, () -> mailer.send(digest));
        assertTrue(e.getMessage().startsWith("mail via 127.0.0.1:" + SMTP.getSmtp().getPort() + " failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("535"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void anUnreachableServerIsOneLine() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        MailConfig config = new MailConfig("127.0.0.1", closed, false, false, "kildevakt@example.no", List.of("a@example.no"),
                Optional.empty(), MailConfig.DEFAULT_PASSWORD_ENV);
        MailDeliveryException e = assertThrows(MailDeliveryException.class, () -> new DigestMailer(config, Map.of(), CLOCK).send(digest));
        assertTrue(e.getMessage().contains("127.0.0.1:" + closed) && e.getMessage().toLowerCase().contains("connect"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void requiredStartTlsIsNotSkippedWhenTheServerDoesNotOfferIt() {
        MailConfig config = new MailConfig("127.0.0.1", SMTP.getSmtp().getPort(), true, false, "kildevakt@example.no",
                List.of("a@example.no"), Optional.of("kv"), "KV_SMTP_PASSWORD");
        DigestMailer mailer = new DigestMailer(config, Map.of("KV_SMTP_PASSWORD", "hemmelig-æøå"), CLOCK);
        // GreenMail's plain SMTP offers no STARTTLS: the password must not then go in clear
        MailDeliveryException e = assertThrows(MailDeliveryException.class, () -> mailer.send(digest));
        assertTrue(e.getMessage().contains("STARTTLS is required"), e.getMessage());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void aUsernameWithoutItsPasswordVariableIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DigestMailer(mail(Optional.of("kv")), Map.of(), CLOCK));
        assertTrue(e.getMessage().contains("KV_SMTP_PASSWORD"), e.getMessage());
    }
}
