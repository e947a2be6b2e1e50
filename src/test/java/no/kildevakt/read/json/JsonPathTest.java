package no.kildevakt.read.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {
    @Test
    void parsesDottedNamesAndIndexes() {
        assertEquals(List.of("NodeLoader", "node", "lists", 0, "items"), JsonPath.parse("NodeLoader.node.lists[0].items").segments());
        assertEquals(List.of("a", 1, 2, "b"), JsonPath.parse("$.a[1][2].b").segments());
        assertEquals(List.of(0, "t"), JsonPath.parse("[0].t").segments());
        assertEquals(List.of(), JsonPath.parse("").segments());
        assertEquals(List.of(), JsonPath.parse("$").segments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b", ".a", "a.", "a[x]", "a[1", "a[-1]", "a[0]b"})
    void rejectsMalformedPaths(String text) {
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(text));
    }

    @Test
    void describesWhatItFoundInstead() throws Exception {
        var root = new ObjectMapper().readTree("{\"a\":{\"x\":1,\"y\":\"s\"}}");
        JsonPath.PathException e = assertThrows(JsonPath.PathException.class, () -> JsonPath.parse("a.b[0]").resolve(root));
        assertEquals("at \"a\": no field \"b\" in an object with fields x, y", e.getMessage());
        e = assertThrows(JsonPath.PathException.class, () -> JsonPath.parse("a.y.z").resolve(root));
        assertEquals("at \"a.y\": expected an object with field \"z\", found a string", e.getMessage());
        assertEquals("s", JsonPath.parse("a.y").resolve(root).asText());
    }
}
