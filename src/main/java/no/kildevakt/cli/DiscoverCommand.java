package no.kildevakt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import no.kildevakt.text.OneLine;
import no.kildevakt.config.Config;
import no.kildevakt.config.Section;
import no.kildevakt.config.Settings;
import no.kildevakt.fetch.FetchException;
import no.kildevakt.fetch.Fetcher;
import no.kildevakt.fetch.FetcherOptions;
import no.kildevakt.read.html.FeedDiscovery;
import no.kildevakt.read.feed.FeedParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kildevakt discover URL}: the feeds a site offers, each verified by fetching and
 * parsing it, printed as a feeds.yml snippet to paste under {@code sources:}. Saves the editor
 * from reading page sources for {@code <link rel="alternate">} and guessing feed paths.
 */
@Command(addMethodSubcommands = false, name = "discover", mixinStandardHelpOptions = true,
        description = {"Find the feeds a page advertises (<link rel=alternate>), else at common paths (/feed/, /rss.xml, ...),",
                "verify each by fetching and parsing it, and print them as a feeds.yml snippet.",
                "Exit 1 when the page cannot be fetched or no feed was found.",
                "Example: kildevakt discover https://cbss.org/"})
final class DiscoverCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "URL", description = "a page of the site (its home page is a good start)")
    String target;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        return Commands.withConfig(main, false, this::run);
    }

    private int run(Config config) throws Commands.Exit {
        Optional<URI> url = TryCommand.httpUrl(target);
        if (url.isEmpty()) {
            main.terminal.err().printf("kildevakt discover: \"%s\" is not an http(s) URL%n", target);
            return Main.USAGE;
        }
        Settings settings = Commands.settings(main, config);
        FeedDiscovery.Discovery discovery;
        try (Fetcher fetcher = new Fetcher(settings, FetcherOptions.defaults())) {
            discovery = new FeedDiscovery(fetcher::fetch, new FeedParser()).discover(url.get());
        } catch (FetchException e) {
            main.terminal.err().println("failed " + OneLine.of(e.getMessage()));
            return Main.PARTIAL;
        }
        List<String> sections = config == null ? Section.defaults().stream().map(Section::id).toList()
                : config.sections().stream().map(Section::id).toList();
        Set<String> taken = config == null ? new HashSet<>()
                : config.sources().stream().map(s -> s.id()).collect(Collectors.toCollection(HashSet::new));
        if (json) {
            ObjectNode root = Commands.object();
            root.put("url", url.get().toString());
            ArrayNode feeds = root.putArray("feeds");
            for (FeedDiscovery.FoundFeed f : discovery.feeds()) {
                ObjectNode o = feeds.addObject();
                o.put("id", suggestId(url.get(), f, discovery.feeds().size() > 1, taken));
                o.put("name", f.title());
                o.put("url", f.url().toString());
                o.put("format", f.format());
                o.put("entries", f.entries());
                o.put("advertised", f.advertised());
            }
            ArrayNode notes = root.putArray("notes");
            discovery.notes().forEach(notes::add);
            main.terminal.out().println(Commands.json(root));
        } else {
            print(url.get(), discovery, sections, taken);
        }
        return discovery.feeds().isEmpty() ? Main.PARTIAL : Main.OK;
    }

    private void print(URI url, FeedDiscovery.Discovery d, List<String> sections, Set<String> taken) {
        PrintStream out = main.terminal.out();
        for (String note : d.notes()) {
            main.terminal.err().println("note " + OneLine.of(note));
        }
        if (d.feeds().isEmpty()) {
            main.terminal.err().println("no feed found for " + url + "; `kildevakt try " + url + "` reads the page as an HTML listing");
            return;
        }
        out.printf("# %d feed%s found for %s; paste under sources: in feeds.yml and choose the section%n",
                d.feeds().size(), d.feeds().size() == 1 ? "" : "s", url);
        for (FeedDiscovery.FoundFeed f : d.feeds()) {
            out.printf("  # %s, %d entries now, %s%n", f.format(), f.entries(),
                    f.advertised() ? "advertised by the page" : "found at a common feed path (not advertised)");
            out.printf("  - id: %s%n", suggestId(url, f, d.feeds().size() > 1, taken));
            out.printf("    name: %s%n", yaml(f.title().isBlank() ? url.getHost() : f.title()));
            out.printf("    url: %s%n", yaml(f.url().toString()));
            out.println("    type: feed");
            out.printf("    section: %s   # one of: %s%n", sections.isEmpty() ? "norske" : sections.get(0), String.join(", ", sections));
        }
    }

    /** An id from the site's name and, when a site has several feeds, the feed's title; unique among {@code taken}. */
    static String suggestId(URI site, FeedDiscovery.FoundFeed feed, boolean several, Set<String> taken) {
        String host = site.getHost() == null ? "" : site.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        String base;
        if (host.isEmpty() || host.equals("localhost") || host.matches("[0-9.]+|\\[.*\\]")) {
            // an address says nothing about the site: name it after the feed ("0" from 127.0.0.1 helps nobody)
            base = String.join("-", java.util.Arrays.stream(slug(feed.title()).split("-")).filter(w -> !w.isEmpty()).limit(3).toList());
            several = false;
        } else {
            String[] labels = host.split("\\.");
            base = slug(labels.length > 1 ? labels[labels.length - 2] : labels[0]);
        }
        String id = base;
        if (several) {
            String words = slug(feed.title()).replaceAll("^" + java.util.regex.Pattern.quote(base) + "-?", "");
            String shortened = String.join("-", java.util.Arrays.stream(words.split("-")).filter(w -> !w.isEmpty()).limit(3).toList());
            id = shortened.isEmpty() ? base : base + "-" + shortened;
        }
        if (id.isEmpty()) {
            id = "kilde";
        }
        String unique = id;
        for (int n = 2; taken.contains(unique); n++) {
            unique = id + "-" + n;
        }
        taken.add(unique);
        return unique;
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String yaml(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c < 0x20 ? ' ' : c);
        }
        return sb.append('"').toString();
    }
}
