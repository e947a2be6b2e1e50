package no.kildevakt.fetch;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import no.kildevakt.text.Causes;
import no.kildevakt.text.OneLine;

/**
 * What a failed TLS handshake means, in words an editor can act on. The JDK says "PKIX path building
 * failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid
 * certification path to requested target" for a server whose certificate it does not trust, and OkHttp
 * lists hashes and distinguished names for one issued to another name. The crawl's and the link
 * checker's reports and a failed digest mail all say it this way.
 */
public final class TlsFailures {
    private TlsFailures() {
    }

    /** "TLS failure: " and the reason, in one line. */
    public static String describe(SSLException e) {
        if (Causes.find(e, CertificateExpiredException.class).isPresent()) {
            return "TLS failure: the server's certificate has expired";
        }
        if (Causes.find(e, CertificateNotYetValidException.class).isPresent()) {
            return "TLS failure: the server's certificate is not valid yet (or this machine's clock is wrong)";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : OneLine.of(e.getMessage());
        if (message.contains("unable to find valid certification path")) {
            return "TLS failure: the server's certificate is not trusted by this Java (self-signed, from an unknown"
                    + " authority, or sent without its intermediate certificates)";
        }
        if (e instanceof SSLPeerUnverifiedException && message.startsWith("Hostname ") && message.contains(" not verified")) {
            String host = message.substring("Hostname ".length(), message.indexOf(" not verified"));
            return "TLS failure: the server's certificate is for other names than " + host;
        }
        return "TLS failure: " + message;
    }
}
