package no.kildevakt.rank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kildevakt.config.Topic;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The topics and negative contexts that ship with kildevakt, read from YAML resources next to this class.
 * They are YAML rather than code so that an editor can copy {@code default-topics.yml} into feeds.yml's
 * {@code topics:} and change it there; the resource has exactly that shape.
 */
public final class DefaultTopics {
    static final String TOPICS_RESOURCE = "default-topics.yml";
    static final String NEGATIVES_RESOURCE = "negative-contexts.yml";

    private DefaultTopics() {
    }

    /**
     * Each resource is read once per JVM, on first use (they are part of the jar and immutable), by a
     * holder of its own: {@code validate} reads the topics on its warm-up thread and never needs the
     * negative contexts. A holder's initialiser never throws: a class whose initialiser failed is dead
     * for the rest of the run, and every later use, the command's own after the warm-up thread met the
     * failure first, would get "Could not initialize class" instead of what is wrong with the resource.
     */
    private static final class Topics {
        static final Read<List<Topic>> READ = Read.of(DefaultTopics::readTopics);
    }

    private static final class Negatives {
        static final Read<List<NegativeContext>> READ = Read.of(DefaultTopics::readNegativeContexts);
    }

    /** A resource's content, or why it could not be read. */
    record Read<T>(T value, RuntimeException failure) {
        static <T> Read<T> of(java.util.function.Supplier<T> reader) {
            try {
                return new Read<>(reader.get(), null);
            } catch (RuntimeException e) {
                return new Read<>(null, e);
            }
        }

        /** The content; a failure is thrown anew, with its message, on every call. */
        T get() {
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return value;
        }
    }

    /** The default topics, used when feeds.yml has no {@code topics:}. */
    public static List<Topic> topics() {
        return Topics.READ.get();
    }

    /** The built-in negative contexts, applied to every topic. */
    static List<NegativeContext> negativeContexts() {
        return Negatives.READ.get();
    }

    private static List<Topic> readTopics() {
        Map<String, Object> root = read(TOPICS_RESOURCE);
        List<Topic> topics = new ArrayList<>();
        for (Map<String, Object> t : maps(root.get("topics"), "topics")) {
            topics.add(new Topic(
                    string(t.get("id"), "topics.id"),
                    ((Number) t.getOrDefault("weight", 1)).intValue(),
                    strings(t.get("terms"), "terms"),
                    t.containsKey("exclude") ? strings(t.get("exclude"), "exclude") : List.of(),
                    t.containsKey("name") ? string(t.get("name"), "topics.name") : null));
        }
        return List.copyOf(topics);
    }

    private static List<NegativeContext> readNegativeContexts() {
        Map<String, Object> root = read(NEGATIVES_RESOURCE);
        List<NegativeContext> contexts = new ArrayList<>();
        for (Map<String, Object> c : maps(root.get("negative_contexts"), "negative_contexts")) {
            contexts.add(new NegativeContext(strings(c.get("words"), "words"), strings(c.get("near"), "near")));
        }
        return List.copyOf(contexts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String resource) {
        try (InputStream in = DefaultTopics.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            Object root = new Load(LoadSettings.builder().setLabel(resource).build()).loadFromInputStream(in);
            if (!(root instanceof Map)) {
                throw new IllegalStateException("resource " + resource + " is not a YAML mapping");
            }
            return (Map<String, Object>) root;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read resource " + resource, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object node, String what) {
        if (!(node instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
            throw new IllegalStateException("bundled " + what + " must be a list of mappings");
        }
        return (List<Map<String, Object>>) list;
    }

    private static List<String> strings(Object node, String what) {
        if (!(node instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalStateException("bundled " + what + " must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static String string(Object node, String what) {
        if (!(node instanceof String s)) {
            throw new IllegalStateException("bundled " + what + " must be a string");
        }
        return s;
    }
}
