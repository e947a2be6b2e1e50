package no.kildevakt.read.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import no.kildevakt.RandomText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which references count as absolute, and how a relative one is resolved. */
class LinksTest {
    /** RFC 3986's scheme, then a colon: the rule {@link Links#isAbsolute} stands for. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"http://x.no/a", "HTTPS://x.no", "mailto:post@x.no", "urn:isbn:1", "svn+ssh://h/r",
            "a-b.c:", "x:"})
    void aSchemeAndAColonMakeAReferenceAbsolute(String ref) {
        assertTrue(Links.isAbsolute(ref));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/a/b", "a/b:c", "1http://x", "+x:y", "ht tp://x", "æ:x", "http", "?q=a:b", "#x:y"})
    void anythingElseIsRelative(String ref) {
        assertFalse(Links.isAbsolute(ref));
    }

    @Test
    void saysWhatTheSchemePatternSaysOfRandomReferences() {
        RandomText random = new RandomText(13, "aZz09+.-:/ ?#\n\u00e6%");
        for (int i = 0; i < 20_000; i++) {
            String ref = random.next(12);
            assertEquals(SCHEME.matcher(ref).matches(), Links.isAbsolute(ref), () -> RandomText.codeUnits(ref));
        }
        assertFalse(Links.isAbsolute(null));
    }

    @Test
    void aRelativeReferenceIsResolvedAgainstTheBaseAndAnAbsoluteOneIsLeftAsWritten() {
        assertEquals("https://x.no/nyheter/a", Links.resolve("https://x.no/nyheter/", "a"));
        assertEquals("HTTP://X.no/A", Links.resolve("https://x.no/nyheter/", "HTTP://X.no/A"));
    }
}
