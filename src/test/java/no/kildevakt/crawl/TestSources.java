package no.kildevakt.crawl;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.Settings;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;

/** The feeds and the feeds.yml the crawler's tests build, written once. */
final class TestSources {
    private TestSources() {
    }

    /** A feed source in section {@code norske}. */
    static SourceConfig feed(String id, String url) {
        return new SourceConfig(id, id, URI.create(url), SourceType.FEED, "norske", Map.of(), Optional.empty(), 1.0, 1);
    }

    /** feeds.yml with the default settings, the section {@code norske} and these sources. */
    static Config config(SourceConfig... sources) {
        return config(Settings.defaults(), sources);
    }

    static Config config(Settings settings, SourceConfig... sources) {
        return new Config(Path.of("feeds.yml"), settings,
                List.of(new Section("norske", "Aktuelle norske tiltak, rapporter og forskning", false)), List.of(), List.of(sources));
    }
}
