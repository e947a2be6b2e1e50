package no.kildevakt.digest;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The formats {@code digest --format} offers, each with its writer. {@code text} is the plain-text part
 * of the mail; it is not offered on the command line, where {@code md} reads as well.
 */
public enum DigestFormat {
    MD(MarkdownDigest::new),
    HTML(HtmlDigest::new),
    JSON(JsonDigest::new),
    TEXT(TextDigest::new);

    private final Supplier<DigestWriter> writer;

    DigestFormat(Supplier<DigestWriter> writer) {
        this.writer = writer;
    }

    /** A writer for this format (templates are compiled when it is made). */
    public DigestWriter writer() {
        return writer.get();
    }

    /** {@code md}, {@code html} or {@code json} from the command line. */
    public static DigestFormat parse(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        if (n.equals("MARKDOWN")) {
            return MD;
        }
        for (DigestFormat f : new DigestFormat[] {MD, HTML, JSON}) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + name + "\" (use "
                + Arrays.stream(new DigestFormat[] {MD, HTML, JSON}).map(DigestFormat::id).collect(Collectors.joining(", ")) + ")");
    }

    /** The lower-case name used on the command line and in the digest log. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
