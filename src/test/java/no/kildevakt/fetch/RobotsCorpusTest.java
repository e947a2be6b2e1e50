package no.kildevakt.fetch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crawlercommons.robots.BaseRobotRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.kildevakt.SharedCorpora;
import org.junit.jupiter.api.Test;

/**
 * Replays the RFC 9309 "allowed" vectors of Google's robots.txt test suite through the parser
 * exactly as {@link RobotsCache} configures it (product-token matching, no Crawl-delay ceiling),
 * so a change in how we call crawler-commons that breaks standard matching shows up here.
 */
class RobotsCorpusTest {

    @Test
    void rfc9309VectorsMatch() throws IOException {
        Path vectors = SharedCorpora.path("google-robotstxt", "robots_test_vectors.jsonl");

        ObjectMapper json = new ObjectMapper();
        int total = 0;
        List<String> mismatches = new ArrayList<>();
        for (String line : Files.readAllLines(vectors, StandardCharsets.UTF_8)) {
            JsonNode v = json.readTree(line);
            if (!v.path("kind").asText().equals("allowed") || !v.path("scope").asText().equals("rfc9309")
                    || v.path("robotstxt").isNull() || v.path("url").asText().isEmpty()) {
                continue;
            }
            total++;
            String url = v.path("url").asText();
            BaseRobotRules rules = RobotsCache.newParser().parseContent(
                    url, v.path("robotstxt").asText().getBytes(StandardCharsets.UTF_8), "text/plain",
                    List.of(RobotsCache.productToken(v.path("user_agent").asText())));
            if (rules.isAllowed(url) != v.path("expected").asBoolean()) {
                mismatches.add(v.path("test").asText() + "@" + v.path("source_line").asInt());
            }
        }
        System.out.printf("robots RFC 9309 vectors: %d/%d match; mismatches %s%n",
                total - mismatches.size(), total, mismatches);
        assertTrue(total >= 60, "only " + total + " vectors read");
        assertTrue(mismatches.size() <= total / 20, "mismatches: " + mismatches);
    }
}
