package no.kildevakt.read.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A feed nested absurdly deep is refused by the XML parser at a fixed depth, before a tree is
 * built: building one costs time that grows with the square of the depth.
 */
class HostileNestingTest {
    private static String nested(int depth) {
        return "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title><id>x</id>"
                + "<entry><id>e1</id><title>t</title><link href='https://a.example/1'/><content type='xhtml'>"
                + "<div xmlns='http://www.w3.org/1999/xhtml'>"
                + "<b>".repeat(depth) + "x" + "</b>".repeat(depth)
                + "</div></content></entry></feed>";
    }

    private static ParsedFeed parse(String doc) throws FeedParseException {
        return new FeedParser().parse(doc.getBytes(StandardCharsets.UTF_8), "application/atom+xml", URI.create("https://a.example/feed"));
    }

    @Test
    void aFeedNestedHundredsOfThousandsDeepIsRefusedByTheDepthLimit() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse(nested(100_000)));
        assertTrue(e.getMessage().contains("" + FeedParser.MAX_ELEMENT_DEPTH), e.getMessage());
        assertTrue(e.getMessage().startsWith("malformed XML at line 1"), e.getMessage());
    }

    @Test
    void ordinaryNestingInContentIsFine() throws FeedParseException {
        assertEquals(1, parse(nested(40)).entries().size());
    }
}
