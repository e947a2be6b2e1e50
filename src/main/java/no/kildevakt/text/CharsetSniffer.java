package no.kildevakt.text;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the charset of a fetched document (XML feed or HTML page) and decodes it.
 *
 * <p>Servers and prologs lie often enough that no single declaration can be trusted, so the evidence is
 * weighed in this order, first match wins:
 * <ol>
 *   <li>a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE);</li>
 *   <li>UTF-16/32 without a BOM, recognised from the zero bytes around the first {@code <}
 *       (XML 1.0 appendix F);</li>
 *   <li>bytes that are valid UTF-8 and contain non-ASCII are decoded as UTF-8, whatever the header or
 *       prolog claims: text in a legacy single-byte charset is practically never valid UTF-8 by accident,
 *       while "UTF-8 body, ISO-8859-1 prolog" is a common publishing mistake;</li>
 *   <li>the {@code charset} parameter of the HTTP Content-Type, when it names a charset Java knows;</li>
 *   <li>the XML prolog {@code encoding=}, or an HTML {@code <meta charset>} / {@code http-equiv}
 *       anywhere in the first 4 KB;</li>
 *   <li>windows-1252.</li>
 * </ol>
 * Labels are handled as browsers do: ISO-8859-1, Latin-1 and US-ASCII are decoded as windows-1252 (a
 * superset for printable text, and what such "ISO-8859-1" pages really contain); an unknown label is
 * ignored with a warning; a UTF-16/32 label on bytes that do not look 16/32-bit is ignored.
 *
 * <p><b>Invalid bytes.</b> When the chosen charset is UTF-8 (declared) but the bytes are not valid UTF-8:
 * if the body still holds more well-formed multi-byte UTF-8 sequences than broken ones it is decoded as
 * UTF-8 and each broken sequence becomes U+FFFD (a mostly-UTF-8 page with one bad byte keeps its text);
 * otherwise the declaration is taken to be wrong and the body is decoded as windows-1252 (a Latin-1 body
 * under a UTF-8 label then reads {@code Anaïs}, not {@code Ana?s}). In every other charset, bytes that do
 * not map become U+FFFD. Either way a warning says so. Decoding never fails.
 */
public final class CharsetSniffer {
    /** How far into the body declarations are looked for. */
    static final int SNIFF_LIMIT = 4096;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private static final Pattern HEADER_CHARSET =
            Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]*)");
    private static final Pattern PROLOG_ENCODING =
            Pattern.compile("^\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");

    private CharsetSniffer() {}

    /**
     * Decodes {@code body} following the policy in the class comment.
     *
     * @param body        the raw bytes; null is treated as empty
     * @param contentType the HTTP Content-Type header value, or null
     */
    public static DecodedText decode(byte[] body, String contentType) {
        byte[] bytes = body == null ? new byte[0] : body;
        List<String> warnings = new ArrayList<>();

        // 1. byte order mark
        Bom bom = Bom.of(bytes);
        if (bom != null) {
            return new DecodedText(decodeRange(bytes, bom.length, bom.charset), bom.charset, "BOM", warnings);
        }
        // 2. 16/32-bit encodings recognised by where the zero bytes sit around '<'
        Charset wide = wideCharsetByPattern(bytes);
        if (wide != null) {
            return new DecodedText(decodeRange(bytes, 0, wide), wide, "byte pattern", warnings);
        }

        Declared declared = declaredCharset(bytes, contentType, warnings);
        Utf8Scan scan = Utf8Scan.of(bytes);

        // 3. valid UTF-8 with non-ASCII content wins over any other declaration
        if (scan.valid() && scan.multiByte() > 0) {
            if (declared != null && !declared.charset().equals(StandardCharsets.UTF_8)) {
                warnings.add(declared.source() + " declares " + declared.label()
                        + " but the body is valid UTF-8; decoded as UTF-8");
                return new DecodedText(decodeRange(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                        "valid UTF-8, " + declared.source() + " said " + declared.label(), warnings);
            }
            String source = declared != null ? declared.source() : "valid UTF-8";
            return new DecodedText(decodeRange(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    source, warnings);
        }

        // 4./5. the declaration
        if (declared != null) {
            Charset charset = declared.charset();
            String source = declared.source();
            if (charset.equals(StandardCharsets.UTF_8) && !scan.valid()) {
                if (scan.multiByte() > scan.invalid()) {
                    warnings.add("the body is not valid UTF-8 (" + scan.invalid()
                            + " broken sequences); decoded as UTF-8 with U+FFFD for the broken bytes");
                } else {
                    warnings.add(source + " declares UTF-8 but the body is not UTF-8; decoded as windows-1252");
                    return new DecodedText(decodeRange(bytes, 0, WINDOWS_1252), WINDOWS_1252,
                            "not UTF-8 despite " + source, warnings);
                }
            }
            if (!declared.label().equalsIgnoreCase(charset.name())) {
                source = source + " " + declared.label();
            }
            return new DecodedText(decodeRange(bytes, 0, charset), charset, source, warnings);
        }

        // 6. nothing usable declared
        return new DecodedText(decodeRange(bytes, 0, WINDOWS_1252), WINDOWS_1252, "default", warnings);
    }

    /**
     * Maps a charset label to the charset a browser would use for it, or empty when the label is unknown.
     * ISO-8859-1, Latin-1 and ASCII become windows-1252.
     */
    public static Optional<Charset> charsetForLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String name = label.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        switch (name) {
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "latin1", "latin-1", "l1", "cp819",
                    "ibm819", "iso-ir-100", "us-ascii", "ascii", "ansi_x3.4-1968", "iso_8859-1:1987",
                    "x-user-defined" -> {
                return Optional.of(WINDOWS_1252);
            }
            case "utf8", "unicode-1-1-utf-8", "x-unicode20utf8" -> {
                return Optional.of(StandardCharsets.UTF_8);
            }
            default -> {
                try {
                    return Optional.of(Charset.forName(name));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return Optional.empty();
                }
            }
        }
    }

    /** A usable declaration: where it was found, the label as written, the charset it maps to. */
    private record Declared(String source, String label, Charset charset) {}

    private static Declared declaredCharset(byte[] bytes, String contentType, List<String> warnings) {
        if (contentType != null) {
            Matcher m = HEADER_CHARSET.matcher(contentType);
            if (m.find()) {
                Declared d = usable("HTTP header", m.group(1), warnings);
                if (d != null) {
                    return d;
                }
            }
        }
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_LIMIT), StandardCharsets.ISO_8859_1);
        Matcher prolog = PROLOG_ENCODING.matcher(head);
        if (prolog.find()) {
            Declared d = usable("XML prolog", prolog.group(1), warnings);
            if (d != null) {
                return d;
            }
        }
        Matcher meta = META_CHARSET.matcher(head);
        if (meta.find()) {
            return usable("HTML meta", meta.group(1), warnings);
        }
        return null;
    }

    private static Declared usable(String source, String label, List<String> warnings) {
        String trimmed = label.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        Optional<Charset> charset = charsetForLabel(trimmed);
        if (charset.isEmpty()) {
            warnings.add(source + " names an unknown charset '" + oneLine(trimmed) + "'; ignored");
            return null;
        }
        String name = charset.get().name().toUpperCase(Locale.ROOT);
        if (name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.startsWith("X-UTF-32")) {
            // a 16/32-bit body would have been recognised by its BOM or zero bytes already
            warnings.add(source + " declares " + oneLine(trimmed) + " but the bytes are not 16/32-bit; ignored");
            return null;
        }
        return new Declared(source, trimmed, charset.get());
    }

    private static String oneLine(String s) {
        return OneLine.of(s, 40);
    }

    private static String decodeRange(byte[] bytes, int offset, Charset charset) {
        // String's constructor replaces malformed and unmappable input with U+FFFD; it never throws
        return new String(bytes, offset, bytes.length - offset, charset);
    }

    /** XML 1.0 appendix F: '<' (or '<?') with zero bytes around it, no BOM. */
    private static Charset wideCharsetByPattern(byte[] b) {
        if (b.length < 4) {
            return null;
        }
        int b0 = b[0] & 0xFF, b1 = b[1] & 0xFF, b2 = b[2] & 0xFF, b3 = b[3] & 0xFF;
        if (b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            return UTF_32BE;
        }
        if (b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return UTF_32LE;
        }
        if (b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private record Bom(int length, Charset charset) {
        static Bom of(byte[] b) {
            if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
                return new Bom(4, UTF_32BE);
            }
            if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
                return new Bom(4, UTF_32LE);
            }
            if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
                return new Bom(3, StandardCharsets.UTF_8);
            }
            if (startsWith(b, 0xFE, 0xFF)) {
                return new Bom(2, StandardCharsets.UTF_16BE);
            }
            if (startsWith(b, 0xFF, 0xFE)) {
                return new Bom(2, StandardCharsets.UTF_16LE);
            }
            return null;
        }

        private static boolean startsWith(byte[] b, int... prefix) {
            if (b.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((b[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A strict UTF-8 scan (no overlongs, no surrogates, nothing above U+10FFFF).
     *
     * @param multiByte well-formed sequences of two or more bytes
     * @param invalid   bytes that start no well-formed sequence
     */
    record Utf8Scan(int multiByte, int invalid) {
        boolean valid() {
            return invalid == 0;
        }

        static Utf8Scan of(byte[] b) {
            int multi = 0;
            int invalid = 0;
            int i = 0;
            while (i < b.length) {
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                int len;
                int min;
                if (c >= 0xC2 && c <= 0xDF) {
                    len = 2;
                    min = 0x80;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    len = 3;
                    min = 0x800;
                } else if (c >= 0xF0 && c <= 0xF4) {
                    len = 4;
                    min = 0x10000;
                } else {
                    invalid++;
                    i++;
                    continue;
                }
                if (i + len > b.length) {
                    invalid++;
                    i++;
                    continue;
                }
                int cp = c & (0xFF >> (len + 1));
                boolean ok = true;
                for (int k = 1; k < len; k++) {
                    int cc = b[i + k] & 0xFF;
                    if ((cc & 0xC0) != 0x80) {
                        ok = false;
                        break;
                    }
                    cp = (cp << 6) | (cc & 0x3F);
                }
                if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    invalid++;
                    i++;
                    continue;
                }
                multi++;
                i += len;
            }
            return new Utf8Scan(multi, invalid);
        }
    }
}
