package no.kildevakt.links.extract;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import no.kildevakt.text.CharsetSniffer;
import no.kildevakt.text.DecodedText;

/**
 * The text of a plain-text or Markdown issue, to be read line by line. A document up to
 * {@link #STREAM_BYTES} is decoded whole by {@link CharsetSniffer}. A larger one is decoded as it is
 * read: decoded whole, a 50 MB file with one character outside Latin-1 becomes a 100 MB string, built
 * through a 100 MB buffer, next to its 50 MB of bytes, which does not fit in a 256 MB heap. Its
 * charset is chosen by the sniffer from the first {@link #SAMPLE_BYTES} (byte order mark,
 * declarations), and from a UTF-8 validity check of the whole body, as the sniffer would.
 */
final class TextLines {
    static final int STREAM_BYTES = 8 * 1024 * 1024;
    static final int SAMPLE_BYTES = 64 * 1024;

    private final String text;
    private final byte[] bytes;
    private final int offset;
    private final Charset charset;
    private final String head;

    private TextLines(String text, byte[] bytes, int offset, Charset charset, String head) {
        this.text = text;
        this.bytes = bytes;
        this.offset = offset;
        this.charset = charset;
        this.head = head;
    }

    /** The text of {@code source}, the decoding warnings added to {@code out}. */
    static TextLines decode(Source source, Occurrences out) {
        byte[] bytes = source.content();
        if (bytes.length <= STREAM_BYTES) {
            DecodedText decoded = CharsetSniffer.decode(bytes, source.contentType());
            out.warnAll(decoded.warnings());
            return new TextLines(decoded.text(), null, 0, decoded.charset(), decoded.text());
        }
        int sampleEnd = SAMPLE_BYTES;
        while (sampleEnd > SAMPLE_BYTES / 2 && bytes[sampleEnd - 1] != '\n') {
            sampleEnd--; // end the sample at a line break, not inside a character
        }
        byte[] sample = java.util.Arrays.copyOf(bytes, sampleEnd);
        DecodedText decoded = CharsetSniffer.decode(sample, source.contentType());
        Charset charset = decoded.charset();
        int offset = 0;
        if (decoded.source().equals("BOM")) {
            offset = charset.equals(StandardCharsets.UTF_8) ? 3 : charset.name().startsWith("UTF-32") ? 4 : 2;
        } else if (!decoded.source().equals("byte pattern")) {
            Utf8 utf8 = Utf8.check(bytes);
            if (utf8 == Utf8.VALID && !charset.equals(StandardCharsets.UTF_8)) {
                charset = StandardCharsets.UTF_8; // valid UTF-8 wins over declarations, as in the sniffer
            } else if (utf8 == Utf8.INVALID && charset.equals(StandardCharsets.UTF_8)) {
                out.warn("the body is not valid UTF-8; decoded as UTF-8 with U+FFFD for the broken bytes");
            }
        }
        out.warnAll(decoded.warnings());
        return new TextLines(null, bytes, offset, charset, decoded.text());
    }

    /** The whole text, or null when it is read as a stream. */
    String text() {
        return text;
    }

    /** The start of the text (all of it when not streamed): enough for front matter and a title. */
    String head() {
        return head;
    }

    /** A reader of the lines from the start; {@code \r\n}, {@code \r} and {@code \n} each end a line. */
    BufferedReader open() {
        if (text != null) {
            return new BufferedReader(new StringReader(text));
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(bytes, offset, bytes.length - offset), decoder), 64 * 1024);
    }

    /** Whether a body is UTF-8: with non-ASCII content, ASCII only, or not UTF-8. */
    private enum Utf8 {
        VALID, ASCII, INVALID;

        static Utf8 check(byte[] bytes) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(8192);
            while (true) {
                CoderResult result = decoder.decode(in, out, true);
                if (result.isError()) {
                    return INVALID;
                }
                out.clear();
                if (result.isUnderflow()) {
                    break;
                }
            }
            for (byte b : bytes) {
                if (b < 0) {
                    return VALID;
                }
            }
            return ASCII;
        }
    }
}
