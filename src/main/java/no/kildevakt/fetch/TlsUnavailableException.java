package no.kildevakt.fetch;

import no.kildevakt.text.OneLine;

/**
 * The JDK could not set up TLS: its trust store is missing, unreadable or of an unknown type
 * ({@code javax.net.ssl.trustStore}, {@code javax.net.ssl.trustStoreType}), or its security
 * settings offer no TLS. Every source and most links are HTTPS, so nothing that fetches can run;
 * the command stops with this message in one line, which names the JDK's own reason.
 *
 * <p>Unchecked because it comes from building an HTTP client, which happens deep inside a
 * command; {@link no.kildevakt.cli.Main} turns it into that one line.
 */
public final class TlsUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TlsUnavailableException(Throwable cause) {
        super("the JDK's TLS set-up failed, so nothing can be fetched (check the Java installation's trust store"
                + " and javax.net.ssl.* settings): " + OneLine.ofCauses(cause), cause);
    }
}
