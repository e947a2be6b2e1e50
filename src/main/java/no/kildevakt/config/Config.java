package no.kildevakt.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole of a validated feeds.yml. Immutable: loaded once per run by {@link ConfigLoader}
 * and handed to the steps that need it.
 *
 * @param file     where it was read from, for messages
 * @param topics   relevance rules; empty when feeds.yml has none (the ranking then uses its defaults)
 * @param minScore {@code settings.min_score}: the digest threshold; empty means the ranking's default
 * @param mail     where {@code digest --mail} sends; empty when feeds.yml has no {@code mail:} block
 */
public record Config(
        Path file,
        Settings settings,
        List<Section> sections,
        List<Topic> topics,
        List<SourceConfig> sources,
        Optional<Double> minScore,
        Optional<MailConfig> mail) {
    public Config {
        sections = List.copyOf(sections);
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
    }

    /** A configuration without a threshold or mail settings (tests and callers that need neither). */
    public Config(Path file, Settings settings, List<Section> sections, List<Topic> topics, List<SourceConfig> sources) {
        this(file, settings, sections, topics, sources, Optional.empty(), Optional.empty());
    }

    /** This configuration with other settings (the environment's proxy, say). */
    public Config withSettings(Settings other) {
        return new Config(file, other, sections, topics, sources, minScore, mail);
    }

    public Optional<SourceConfig> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
