package no.kildevakt.read.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Atom 0.3 base64 content, wrapped and indented as feeds write it, must not fail the feed. */
class FeedParserBase64Test {
    @Test
    void wrappedBase64ContentIsDecoded() throws Exception {
        String feed = """
                <feed version="0.3" xmlns="http://purl.org/atom/ns#">
                <title>t</title>
                <entry>
                  <title>Rapport</title>
                  <link rel="alternate" type="text/html" href="https://a.example/1"/>
                  <id>tag:a.example,2024:1</id>
                  <summary mode="base64">
                    RXhhbXBsZSA8Yj5BdG9tPC9iPg==
                  </summary>
                </entry>
                </feed>""";
        ParsedFeed parsed = new FeedParser().parse(feed.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(1, parsed.entries().size());
        assertEquals("Rapport", parsed.entries().get(0).title());
        assertEquals("Example <b>Atom</b>", parsed.entries().get(0).summary());
    }
}
