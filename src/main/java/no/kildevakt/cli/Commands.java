package no.kildevakt.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BaseJsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import no.kildevakt.text.OneLine;
import no.kildevakt.config.Config;
import no.kildevakt.config.ConfigException;
import no.kildevakt.config.ConfigLoader;
import no.kildevakt.config.Proxies;
import no.kildevakt.config.Settings;
import no.kildevakt.crawl.CrawlRunner;
import no.kildevakt.date.Oslo;
import no.kildevakt.rank.Relevance;
import no.kildevakt.rank.TopicRanker;
import no.kildevakt.rank.learn.LearningFromStore;
import no.kildevakt.read.SourceReaders;
import no.kildevakt.store.Store;
import no.kildevakt.store.StoreException;

/**
 * What every command shares: loading the config and the store with one-line errors, JSON
 * output, and dates shown in Europe/Oslo (instants are stored in UTC).
 */
final class Commands {
    /**
     * JSON output of a tree, with Jackson's streaming core: an ObjectMapper (databind's serializer and
     * deserializer factories, some four hundred classes to load and set up) took 0.03-0.15 s after a
     * crawl's last response, on every {@code crawl --json}. Without a mapper there is no
     * serializer provider, which objects and nulls need to write themselves, so containers and nulls are
     * walked here and every other value writes itself; fields keep their order, nulls and empty arrays
     * are written, and the indentation is INDENT_OUTPUT's printer: the bytes the mapper gave.
     */
    private static final class Json {
        static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

        // a class of its own: a command that prints no JSON never loads Jackson's core
        static String write(JsonNode node) {
            StringWriter out = new StringWriter();
            try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
                write(node, json);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter does not fail
            }
            return out.toString();
        }

        private static void write(JsonNode node, JsonGenerator json) throws IOException {
            if (node.isObject()) {
                json.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    json.writeFieldName(field.getKey());
                    write(field.getValue(), json);
                }
                json.writeEndObject();
            } else if (node.isArray()) {
                json.writeStartArray();
                for (JsonNode element : node) {
                    write(element, json);
                }
                json.writeEndArray();
            } else if (node.isNull() || node.isMissingNode()) {
                json.writeNull();
            } else if (node.isValueNode() && !node.isPojo() && !node.isBinary()) {
                ((BaseJsonNode) node).serialize(json, null); // text, numbers, booleans need no provider
            } else {
                throw new IllegalArgumentException("not a value the commands print: " + node.getNodeType());
            }
        }
    }
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Commands() {}

    /** Thrown by the helpers below once the one-line message is printed; carries the exit code. */
    static final class Exit extends Exception {
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /** A command's work once what it needs is open; it may end early by throwing {@link Exit}. */
    @FunctionalInterface
    interface Work<T> {
        int run(T value) throws Exit, StoreException;
    }

    /**
     * Loads feeds.yml and runs {@code work} on it, turning the ways a command ends early into
     * exit codes: a bad config or an unusable database is a usage error (2), with its one line
     * already printed.
     */
    static int withConfig(Main main, Work<Config> work) {
        return withConfig(main, true, work);
    }

    /**
     * As {@link #withConfig(Main, Work)}, but when {@code required} is false and there is no
     * feeds.yml, {@code work} gets null: reading the store needs no config.
     */
    static int withConfig(Main main, boolean required, Work<Config> work) {
        try {
            boolean absent = !required && !java.nio.file.Files.exists(main.configPath());
            return work.run(absent ? null : loadConfig(main));
        } catch (Exit e) {
            return e.code;
        } catch (StoreException e) {
            main.terminal.err().println(main.dbPath() + ": " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** Opens the store for {@code work} (creating it if need be) and closes it afterwards. */
    static int withStore(Main main, Work<Store> work) throws Exit, StoreException {
        try (Store store = openStore(main)) {
            return work.run(store);
        }
    }

    /**
     * As {@link #withStore}, for commands that only read: a database that is not there is an
     * error (a mistyped {@code --db} must not look like "nothing stored yet").
     */
    static int withExistingStore(Main main, Work<Store> work) throws Exit, StoreException {
        return withExistingStore(main, false, work);
    }

    /** As {@link #withExistingStore(Main, Work)}, opened only to read when {@code readOnly} ({@link Store#openReadOnly}). */
    static int withExistingStore(Main main, boolean readOnly, Work<Store> work) throws Exit, StoreException {
        if (!java.nio.file.Files.exists(main.dbPath())) {
            main.terminal.err().println(main.dbPath() + ": no database here; run `kildevakt crawl` first, or check --db");
            throw new Exit(Main.USAGE);
        }
        if (!readOnly) {
            return withStore(main, work);
        }
        Store store;
        try {
            store = Store.openReadOnly(main.dbPath());
        } catch (StoreException e) {
            main.terminal.err().println(main.dbPath() + ": " + e.getMessage());
            throw new Exit(Main.USAGE);
        }
        try (store) {
            return work.run(store);
        }
    }

    static Config loadConfig(Main main) throws Exit {
        try {
            return new ConfigLoader(SourceReaders.STANDARD.types()).load(main.configPath());
        } catch (ConfigException e) {
            main.terminal.err().println(e.getMessage());
            throw new Exit(Main.USAGE);
        }
    }

    /**
     * The settings a command that goes online works with: feeds.yml's, or the defaults when there is
     * none (check-links, issues add, try and discover of a URL), with the environment's proxy when
     * feeds.yml names none. Only such commands read the proxy variables, so a malformed one never stops
     * a digest or the items listing.
     */
    static Settings settings(Main main, Config config) throws Exit {
        return withEnvironmentProxies(main, config == null ? Settings.defaults() : config.settings());
    }

    /** feeds.yml's {@code settings.proxy} if it has one, else {@code https_proxy} and the rest; a bad value is exit 2. */
    private static Settings withEnvironmentProxies(Main main, Settings settings) throws Exit {
        if (settings.proxies().isSet()) {
            return settings;
        }
        try {
            return settings.withProxies(Proxies.fromEnvironment(main.terminal.env()));
        } catch (IllegalArgumentException e) {
            main.terminal.err().println("kildevakt: " + OneLine.of(e.getMessage()));
            throw new Exit(Main.USAGE);
        }
    }

    /**
     * The ranking the digest, the draft, the review page and {@code items --json} use: feeds.yml's topics
     * (or the default ones), its {@code settings.min_score} and its sources' weights. A term that cannot
     * match anything is a configuration error (exit 2), said in one line like every other.
     */
    static Relevance relevance(Main main, Config config) throws Exit {
        try {
            return TopicRanker.of(config);
        } catch (IllegalArgumentException e) {
            main.terminal.err().println(config.file() + ": topics: " + OneLine.of(String.valueOf(e.getMessage())));
            throw new Exit(Main.USAGE);
        }
    }

    /**
     * As {@link #relevance(Main, Config)}, plus what the editors taught in {@code store}: their latest accepts
     * and rejects and the past issues they added, re-read whenever they change (no step to remember).
     */
    static Relevance relevance(Main main, Config config, Store store) throws Exit {
        return new LearningFromStore(relevance(main, config), store);
    }

    /**
     * The one way the commands crawl or try a source: {@code main}'s database, the readers of
     * {@link SourceReaders}, the real clock. With no feeds.yml ({@code config} null) it can only try.
     */
    static CrawlRunner crawlRunner(Main main, Config config) throws Exit {
        Clock clock = Clock.systemUTC();
        CrawlRunner.Readers readers = fetch -> SourceReaders.forConfig(config, fetch, clock);
        Settings online = settings(main, config);
        return config == null ? CrawlRunner.withoutConfig(online, readers, clock)
                : new CrawlRunner(config.withSettings(online), main.dbPath(), readers, clock);
    }

    static Store openStore(Main main) throws Exit {
        try {
            return Store.open(main.dbPath());
        } catch (StoreException e) {
            main.terminal.err().println(main.dbPath() + ": " + e.getMessage());
            throw new Exit(Main.USAGE);
        }
    }

    static String json(JsonNode node) {
        return Json.write(node);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The Oslo calendar date of an instant, ISO form, or null. */
    static String date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, Oslo.ZONE).toString();
    }

    /** Oslo local date and time for tables, or "-". */
    static String dateTime(Instant instant) {
        return instant == null ? "-" : DATE_TIME.format(instant.atZone(Oslo.ZONE));
    }

    /** An instant as ISO-8601 UTC, or null. */
    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
