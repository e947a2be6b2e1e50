package no.kildevakt.fetch;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which side of the network an IP address is on, as browsers' Private Network Access divides it:
 * the public internet, or this machine and the networks only it can reach. {@link PrivateNetworkRule}
 * uses it so that a public site cannot send kildevakt into the editor's own services.
 *
 * <p>IPv4-mapped and IPv4-compatible IPv6 forms ({@code ::ffff:127.0.0.1}) count as the IPv4
 * address they carry: the kernel connects them there.
 */
public enum AddressScope {
    /** Everything not named below. */
    PUBLIC("public"),
    /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7 and the old site-local fec0::/10. */
    PRIVATE("private"),
    /** 169.254/16 (where cloud metadata services answer) and fe80::/10. */
    LINK_LOCAL("link-local"),
    /** 127/8 and ::1: this machine. */
    LOOPBACK("loopback"),
    /** 0.0.0.0/8 and {@code ::}: a connection there reaches this machine too. */
    UNSPECIFIED("unspecified");

    private final String label;

    AddressScope(String label) {
        this.label = label;
    }

    /** "loopback", "link-local", ...: for messages. */
    public String label() {
        return label;
    }

    public boolean isPublic() {
        return this == PUBLIC;
    }

    /** The scope of {@code address}, from its bytes alone (no lookups). */
    public static AddressScope of(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return ofIpv4(b);
        }
        boolean firstTenZero = Arrays.equals(b, 0, 10, new byte[10], 0, 10);
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ofIpv4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            boolean upperZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (upperZero && b[15] == 0) {
                return UNSPECIFIED;
            }
            if (upperZero && b[15] == 1) {
                return LOOPBACK;
            }
            return ofIpv4(Arrays.copyOfRange(b, 12, 16)); // ::a.b.c.d, deprecated but still parsed
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)) {
            return PRIVATE;
        }
        return PUBLIC;
    }

    private static AddressScope ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return UNSPECIFIED;
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168) || (a0 == 100 && a1 >= 64 && a1 <= 127)) {
            return PRIVATE;
        }
        return PUBLIC;
    }
}
