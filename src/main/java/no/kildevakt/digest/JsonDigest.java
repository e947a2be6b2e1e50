package no.kildevakt.digest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * {@code digest --format json}: {@link ItemJson#digest}'s shape, streamed entry by entry so a digest of
 * 150,000 items is never held as one JSON tree or one string.
 */
final class JsonDigest implements DigestWriter {
    @Override
    public String write(Digest digest) {
        StringWriter out = new StringWriter();
        try {
            write(digest, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    @Override
    public void write(Digest digest, Writer out) throws IOException {
        ItemJson.writeDigest(digest, out);
        out.write('\n');
    }
}
