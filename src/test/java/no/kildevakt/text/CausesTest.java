package no.kildevakt.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void theChainOutermostFirstAndTheFirstOfAType() {
        IOException root = new IOException("No space left on device");
        IllegalStateException middle = new IllegalStateException("write failed", root);
        Exception outer = new Exception("cannot commit", middle);
        assertEquals(List.of(outer, middle, root), Causes.of(outer));
        assertSame(root, Causes.find(outer, IOException.class).orElseThrow());
        assertSame(middle, Causes.find(outer, RuntimeException.class).orElseThrow());
        assertTrue(Causes.find(outer, ArithmeticException.class).isEmpty());
    }

    /** initCause refuses only an exception as its own cause; a longer cycle must still end. */
    @Test
    void aCycleOfCausesEnds() {
        Exception outer = new Exception("outer");
        Exception inner = new Exception("inner", outer);
        outer.initCause(inner);
        assertEquals(List.of(outer, inner), Causes.of(outer));
        assertTrue(Causes.find(outer, IOException.class).isEmpty());
    }
}
