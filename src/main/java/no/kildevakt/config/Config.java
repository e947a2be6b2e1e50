package no.kildevakt.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole of a validated feeds.yml. Immutable: loaded once per run by {@link ConfigLoader}
 * and handed to the steps that need it.
 *
 * @param file where it was read from, for messages
 */
public record Config(Path file, Settings settings, List<Section> sections, List<Topic> topics, List<SourceConfig> sources) {
    public Config {
        sections = List.copyOf(sections);
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
    }

    public Optional<SourceConfig> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
