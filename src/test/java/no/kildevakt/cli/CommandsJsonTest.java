package no.kildevakt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The commands' JSON is the bytes ObjectMapper's INDENT_OUTPUT gave, without the mapper. */
class CommandsJsonTest {
    @Test
    void writesATreeAsTheIndentingMapperDid() throws Exception {
        ObjectNode root = Commands.object();
        root.put("source", "reg-jd").put("new_items", 12).put("network_down", false).putNull("error");
        root.put("ratio", 0.25).put("big", 12_345_678_901L).put("exact", new BigDecimal("1.50"));
        root.put("text", "«Rapport» om \"menneskehandel\"\n\t</script> \u2028 æøå \uD83D\uDE00 \u0001");
        root.putArray("empty");
        root.putObject("nothing");
        ArrayNode sources = root.putArray("sources");
        sources.addObject().put("id", "a").putArray("warnings").add("robots.txt: 404").addNull().add(3);
        sources.add(Commands.object().put("id", "b"));
        sources.addArray().add(true).addArray();

        String expected = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        assertEquals(expected, Commands.json(root));
        assertEquals(new ObjectMapper().writeValueAsString(Commands.object()).replace("{}", "{ }"), Commands.json(Commands.object()));
    }
}
