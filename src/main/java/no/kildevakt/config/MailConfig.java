package no.kildevakt.config;

import java.util.List;
import java.util.Optional;

/**
 * The {@code mail:} block of feeds.yml: where {@code digest --mail} delivers. The password is never
 * written in feeds.yml (the file is shared and versioned); it names an environment variable instead.
 *
 * @param host        SMTP server
 * @param port        SMTP port (587 with STARTTLS, 465 with implicit TLS, 25 plain)
 * @param startTls    require STARTTLS before authenticating (default true)
 * @param tls         implicit TLS from the first byte (port 465); excludes {@code startTls}
 * @param from        sender address
 * @param to          recipients (at least one)
 * @param username    login name, when the server wants one
 * @param passwordEnv name of the environment variable holding the password (default {@code KILDEVAKT_SMTP_PASSWORD})
 */
public record MailConfig(
        String host,
        int port,
        boolean startTls,
        boolean tls,
        String from,
        List<String> to,
        Optional<String> username,
        String passwordEnv) {

    public static final String DEFAULT_PASSWORD_ENV = "KILDEVAKT_SMTP_PASSWORD";

    public MailConfig {
        to = List.copyOf(to);
    }
}
