package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** The handshake failures as the JDK and OkHttp word and nest them, and what the reports say instead. */
class TlsFailuresTest {

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Test
    void anUntrustedCertificate() {
        assertEquals("TLS failure: the server's certificate is not trusted by this Java (self-signed, from an unknown authority,"
                + " or sent without its intermediate certificates)", TlsFailures.describe(handshake(
                "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid"
                        + " certification path to requested target", null)));
    }

    @Test
    void anExpiredOrNotYetValidCertificate() {
        var validity = new java.security.cert.CertPathValidatorException("validity check failed",
                new CertificateExpiredException("NotAfter: Sun Oct 06 23:59:59 UTC 2024"));
        assertEquals("TLS failure: the server's certificate has expired", TlsFailures.describe(handshake(
                "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed", validity)));
        assertEquals("TLS failure: the server's certificate is not valid yet (or this machine's clock is wrong)",
                TlsFailures.describe(handshake("PKIX path validation failed", new CertificateNotYetValidException("NotBefore: ..."))));
    }

    @Test
    void aCertificateForOtherNames() {
        assertEquals("TLS failure: the server's certificate is for other names than www.kripos.no", TlsFailures.describe(
                new SSLPeerUnverifiedException("Hostname www.kripos.no not verified:\n    certificate: sha256/AAAA=\n"
                        + "    DN: CN=politiet.no\n    subjectAltNames: [politiet.no, www.politiet.no]")));
    }

    @Test
    void anythingElseKeepsTheJdksWordsOnOneLine() {
        assertEquals("TLS failure: Received fatal alert: handshake_failure",
                TlsFailures.describe(handshake("Received fatal alert:\nhandshake_failure", null)));
    }
}
