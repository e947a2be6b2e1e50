package no.kildevakt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.kildevakt.text.OneLine;
import no.kildevakt.config.Config;
import no.kildevakt.config.SourceConfig;
import no.kildevakt.config.SourceType;
import no.kildevakt.crawl.SourceAttempt;
import no.kildevakt.read.SourceReadException;
import no.kildevakt.read.SourceReader;
import no.kildevakt.fetch.FetchResponse;
import no.kildevakt.read.html.HtmlListingReader;
import no.kildevakt.read.html.ListingSelectors;
import no.kildevakt.item.Item;
import no.kildevakt.read.feed.FeedParseException;
import no.kildevakt.read.feed.FeedParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt try ID|URL}: reads one source as a crawl would — same fetcher, same readers —
 * and prints what it found, storing nothing. For an editor adding or fixing a source: a URL
 * not in feeds.yml is read as a feed when it is one, else as an HTML listing found by
 * auto-detection, and the selectors that were detected are printed as a {@code select:} block
 * ready to pin in feeds.yml.
 */
@Command(addMethodSubcommands = false, name = "try", mixinStandardHelpOptions = true,
        description = {"Fetch and read one source (an id from feeds.yml, or a URL), store nothing, print its items and warnings.",
                "For an HTML page without selectors, print the detected selectors as a feeds.yml select: block.",
                "Exit 1 when the source could not be fetched or read.",
                "Example: kildevakt try https://www.unodc.org/unodc/en/press/releases.html"})
final class TryCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "ID|URL", description = "a source id from feeds.yml, or an http(s) URL")
    String target;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        return Commands.withConfig(main, false, config -> run(config));
    }

    private int run(Config config) throws Commands.Exit {
        Optional<SourceConfig> configured = config == null ? Optional.empty() : config.source(target);
        SourceConfig source;
        if (configured.isPresent()) {
            source = configured.get();
        } else {
            Optional<URI> url = httpUrl(target);
            if (url.isEmpty()) {
                main.terminal.err().printf("kildevakt try: \"%s\" is neither a source id in %s nor an http(s) URL%n",
                        target, main.configPath());
                return Main.USAGE;
            }
            source = new SourceConfig("try", url.get().getHost(), url.get(), SourceType.FEED, "", Map.of(),
                    Optional.empty(), 1.0, 0);
        }
        boolean asConfigured = configured.isPresent();
        SourceAttempt<Result> tried = Commands.crawlRunner(main, config).attempt(source,
                asConfigured ? SourceAttempt.TypeChoice.AS_CONFIGURED : TryCommand::typeOfAnswer, TryCommand::read);
        if (tried.failed()) {
            main.terminal.err().println("failed " + tried.error());
            return Main.PARTIAL;
        }
        source = tried.source();
        Result result = tried.reading();
        boolean events = config != null && config.section(source.section()).map(s -> s.events()).orElse(false);
        if (json) {
            main.terminal.out().println(Commands.json(toJson(source, asConfigured, result)));
        } else {
            print(source, asConfigured, result, events);
        }
        return Main.OK;
    }

    /**
     * What a URL not in feeds.yml is read as: a feed when it parses as one, else an HTML listing; a
     * JSON document is refused, since its paths must be configured.
     */
    private static SourceConfig typeOfAnswer(SourceConfig source, FetchResponse response) throws SourceAttempt.Refused {
        boolean feed = looksLikeFeed(response);
        if (!feed && looksLikeJson(response)) {
            throw new SourceAttempt.Refused(source.url() + " answers with JSON: add it to feeds.yml as type: json"
                    + " with select: paths to its items, title and link, then run kildevakt try ID");
        }
        return withType(source, feed ? SourceType.FEED : SourceType.HTML);
    }

    /** What was read: the items and warnings, plus the selectors when an HTML listing was read. */
    private record Result(List<Item> items, List<String> warnings, Optional<ListingSelectors> selectors, boolean detected, int pages) {}

    private static Result read(SourceReader reader, SourceConfig source, FetchResponse response) throws SourceReadException {
        if (reader instanceof HtmlListingReader html) {
            HtmlListingReader.Listing l = html.readListing(source, response);
            return new Result(l.items(), l.warnings(), l.selectors(), l.detected(), l.pages());
        }
        SourceReader.Reading r = reader.read(source, response);
        return new Result(r.items(), r.warnings(), Optional.empty(), false, 1);
    }

    /** Whether the response parses as RSS or Atom: then it is read as a feed, else as a listing page. */
    private static boolean looksLikeFeed(FetchResponse response) {
        try {
            new FeedParser().parse(response.body(), response.contentType(), response.finalUrl());
            return true;
        } catch (FeedParseException e) {
            return false;
        }
    }

    /** A JSON document (not a JSON Feed kildevakt could read as a feed): its paths must be configured. */
    private static boolean looksLikeJson(FetchResponse response) {
        String type = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return true;
        }
        for (byte b : response.body()) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static SourceConfig withType(SourceConfig s, SourceType type) {
        return new SourceConfig(s.id(), s.name(), s.url(), type, s.section(), s.select(), s.interval(), s.weight(), s.line(),
                s.dateFromUrl(), s.pages(), s.enrich());
    }

    static Optional<URI> httpUrl(String s) {
        try {
            URI u = no.kildevakt.config.IdnHosts.toAscii(new URI(s.strip())); // blåkors.no as xn--blkors-jua.no
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private void print(SourceConfig source, boolean configured, Result r, boolean events) {
        PrintStream out = main.terminal.out();
        out.printf("%s (%s%s) %s%n", configured ? source.id() : source.url().getHost(), source.type().yamlName(),
                r.detected() ? ", detected" : "", source.url());
        out.printf("%d items%s%n", r.items().size(), r.pages() > 1 ? " from " + r.pages() + " pages" : "");
        for (Item i : r.items()) {
            String day = events && i.eventDate() != null ? i.eventDate().toString() : Optional.ofNullable(Commands.date(i.published())).orElse("----------");
            out.printf("%s  %s%n            %s%n", day, OneLine.of(i.title(), 100), i.url());
        }
        for (String w : r.warnings()) {
            main.terminal.err().println("warning " + OneLine.of(w));
        }
        if (r.detected() && r.selectors().isPresent()) {
            out.println();
            out.println("# detected selectors; to pin them, put this under the source in feeds.yml:");
            out.print(r.selectors().get().yamlBlock(4));
        }
    }

    private static ObjectNode toJson(SourceConfig source, boolean configured, Result r) {
        ObjectNode root = Commands.object();
        root.put("source", configured ? source.id() : null);
        root.put("url", source.url().toString());
        root.put("type", source.type().yamlName());
        ArrayNode items = root.putArray("items");
        for (Item i : r.items()) {
            ObjectNode o = items.addObject();
            o.put("title", i.title());
            o.put("url", i.url());
            o.put("published", Commands.date(i.published()));
            o.put("event_date", i.eventDate() == null ? null : i.eventDate().toString());
            o.put("summary", i.summary());
        }
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        root.put("detected", r.detected());
        if (r.selectors().isPresent()) {
            ObjectNode sel = root.putObject("selectors");
            r.selectors().get().asMap().forEach(sel::put);
        } else {
            root.putNull("selectors");
        }
        return root;
    }
}
