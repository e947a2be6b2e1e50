package no.kildevakt.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DefaultTopicsTest {

    /**
     * The bundled resources are read once. A resource that cannot be read says why on every use: the
     * warm-up thread of {@code validate} may meet the failure first, and the command's own use must
     * still get the reason, not the JVM's "Could not initialize class".
     */
    @Test
    void aResourceThatCannotBeReadSaysWhyEveryTime() {
        AtomicInteger reads = new AtomicInteger();
        DefaultTopics.Read<List<String>> broken = DefaultTopics.Read.of(() -> {
            reads.incrementAndGet();
            throw new IllegalStateException("resource default-topics.yml is missing from the jar");
        });
        for (int use = 0; use < 2; use++) {
            var e = assertThrows(IllegalStateException.class, broken::get);
            assertEquals("resource default-topics.yml is missing from the jar", e.getMessage());
        }
        assertEquals(1, reads.get());
    }

    @Test
    void theBundledResourcesAreReadOnce() {
        assertFalse(DefaultTopics.topics().isEmpty());
        assertFalse(DefaultTopics.negativeContexts().isEmpty());
        assertSame(DefaultTopics.topics(), DefaultTopics.topics());
        assertSame(DefaultTopics.negativeContexts(), DefaultTopics.negativeContexts());
    }
}
