package no.kildevakt.digest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import no.kildevakt.text.Causes;
import no.kildevakt.text.OneLine;
import no.kildevakt.config.MailConfig;
import no.kildevakt.fetch.TlsFailures;

/**
 * Mails a digest over SMTP as configured in feeds.yml's {@code mail:} block: one message, an HTML part
 * (the {@link HtmlDigest} page) with a plain-text alternative ({@link TextDigest}) for clients and filters
 * that read no HTML, UTF-8 throughout. The password is read from the environment variable the config
 * names, never from feeds.yml, which is shared and versioned. STARTTLS, when configured, is required,
 * not merely tried: a server that stops offering it must not get the password in clear.
 */
public final class DigestMailer {
    /** Connect, read and write timeout: a hung server must not hold a cron job for ever. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MailConfig config;
    private final Optional<String> password;
    private final Clock clock;

    /**
     * @param env the process environment (or a test's), where the password is looked up
     * @throws IllegalArgumentException when a username is configured but the password variable is unset
     *                                  or empty: a configuration error, found before anything is sent
     */
    public DigestMailer(MailConfig config, Map<String, String> env, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        String secret = env.get(config.passwordEnv());
        if (config.username().isPresent() && (secret == null || secret.isEmpty())) {
            throw new IllegalArgumentException("mail: username " + config.username().get() + " is set but the environment variable "
                    + config.passwordEnv() + " (mail.password_env) holding the password is not");
        }
        this.password = Optional.ofNullable(secret).filter(s -> !s.isEmpty());
    }

    /** The subject a digest is mailed with ({@link DigestText#heading}). */
    public static String subject(Digest digest) {
        return DigestText.heading(digest);
    }

    /** Mails the digest to every configured recipient. */
    public void send(Digest digest) throws MailDeliveryException {
        send(subject(digest), new HtmlDigest().write(digest), new TextDigest().write(digest));
    }

    /** Mails one message with an HTML part and its plain-text alternative. */
    public void send(String subject, String html, String text) throws MailDeliveryException {
        Session session = Session.getInstance(properties());
        String server = config.host() + ":" + config.port();
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(address(config.from()));
            List<InternetAddress> to = new ArrayList<>();
            for (String recipient : config.to()) {
                to.add(address(recipient));
            }
            message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8", "plain");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            // alternatives go from plainest to richest; clients show the last one they can
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(rich);
            message.setContent(alternative);
            message.saveChanges();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(config.host(), config.port(), config.username().orElse(null), password.orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (AddressException e) {
            throw new MailDeliveryException("mail: bad address: " + OneLine.of(e.getMessage()), e);
        } catch (MessagingException e) {
            throw new MailDeliveryException("mail via " + server + " failed: " + reason(e), e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String millis = Long.toString(TIMEOUT.toMillis());
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", Integer.toString(config.port()));
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        p.put("mail.smtp.auth", Boolean.toString(config.username().isPresent()));
        p.put("mail.smtp.from", config.from());
        if (config.tls()) {
            p.put("mail.smtp.ssl.enable", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        } else if (config.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static InternetAddress address(String text) throws AddressException {
        return new InternetAddress(text, true);
    }

    /** Why delivery failed: a TLS failure as {@link TlsFailures} words it, else every cause in one line. */
    private static String reason(MessagingException e) {
        return Causes.find(e, javax.net.ssl.SSLException.class).map(TlsFailures::describe).orElseGet(() -> OneLine.ofCauses(e));
    }
}
