package no.kildevakt.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns the composed YAML node tree of a feeds.yml into a {@link Config}, checking every value on the
 * way. It works on nodes rather than on loaded Java maps because only nodes remember their line,
 * and every complaint must point at one: {@code feeds.yml:14: sources[2].section: unknown section ...}.
 * Field paths index lists from 0, as in JSON paths; the line number is what editors go by.
 *
 * <p>The first problem found ends the reading: one precise message is more useful in a cron mail than
 * a list of follow-on errors.
 */
final class ConfigReader {
    /** Source, section and topic ids: they end up in the database and on the command line. */
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    /** Keys that can stand in a field path as they are; anything else is quoted so messages stay one line. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String ID_RULE = "use 1 to 64 lowercase letters a-z, digits and \"-\"";

    private static final List<String> ROOT_KEYS = List.of("settings", "sections", "topics", "sources", "mail");
    private static final List<String> SETTINGS_KEYS = List.of(
            "user_agent", "contact", "per_host_delay", "timeout", "max_body", "interval",
            "retries", "max_retry_after", "max_redirects", "concurrency", "max_crawl_time", "min_score",
            "review_grace", "proxy", "no_proxy");
    private static final List<String> SECTION_KEYS = List.of("id", "title", "events", "groups");
    private static final List<String> TOPIC_KEYS = List.of("id", "name", "weight", "terms", "exclude");
    private static final List<String> SOURCE_KEYS = List.of(
            "id", "name", "url", "type", "section", "interval", "weight", "select", "date_from_url", "pages", "enrich", "group");
    /** CSS selectors of an HTML listing; {@code next} finds the link to the following page. */
    private static final List<String> SELECT_KEYS = List.of("item", "title", "link", "date", "summary", "next");
    /** Field paths of a JSON source; {@code script} names the page variable that holds embedded JSON. */
    private static final List<String> JSON_KEYS = List.of("items", "title", "link", "date", "summary", "script");
    private static final List<String> MAIL_KEYS = List.of(
            "host", "port", "starttls", "tls", "from", "to", "username", "password_env");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    /** Listing pages per run: more is a crawl of the archive, not watching for news. */
    private static final int MAX_PAGES = 20;

    private static final int MAX_RETRIES = 10;
    private static final int MAX_REDIRECTS = 50;
    private static final int MAX_CONCURRENCY = 1000;

    private final Path file;
    private final String fileName;
    private final List<SourceType> types;
    private final FetchableUrls fetchable = new FetchableUrls();

    /** @param types the source types there are readers for */
    ConfigReader(Path file, List<SourceType> types) {
        this.file = file;
        this.fileName = file.toString();
        this.types = types;
    }

    /** Reads the single document of the file; an empty document means an empty file. */
    Config read(Optional<Node> document) throws ConfigException {
        if (document.isEmpty() || isNull(document.get())) {
            throw error(1, "sources", "no sources (the file is empty)");
        }
        Node root = document.get();
        if (!(root instanceof MappingNode)) {
            throw error(root, "top level",
                    "expected a map with the keys " + String.join(", ", ROOT_KEYS) + ", got " + describe(root));
        }
        YamlMap top = new YamlMap((MappingNode) root, "", ROOT_KEYS);
        Settings settings = settings(top.block("settings"));
        List<Section> sections = sections(top.block("sections"));
        List<Topic> topics = topics(top.block("topics"));
        List<SourceConfig> sources = sources(top, sections);
        Optional<Double> minScore = minScore(top.block("settings"));
        Optional<MailConfig> mail = mail(top.block("mail"));
        return new Config(file, settings, sections, topics, sources, minScore, mail);
    }

    private Optional<Double> minScore(Optional<Node> block) throws ConfigException {
        if (block.isEmpty()) {
            return Optional.empty();
        }
        YamlMap m = map(block.get(), "settings", SETTINGS_KEYS);
        if (!m.has("min_score")) {
            return Optional.empty();
        }
        Node node = m.get("min_score").get();
        double value = number(node, m.at("min_score"));
        if (value < 0) {
            throw error(node, m.at("min_score"), "must be 0 or more, got " + scalarText(node));
        }
        return Optional.of(value);
    }

    // ---- mail ----------------------------------------------------------------------------------------

    private Optional<MailConfig> mail(Optional<Node> block) throws ConfigException {
        if (block.isEmpty()) {
            return Optional.empty();
        }
        YamlMap m = map(block.get(), "mail", MAIL_KEYS);
        String host = string(m.require("host"), m.at("host"));
        boolean tls = m.has("tls") && bool(m.get("tls").get(), m.at("tls"));
        if (tls && m.has("starttls") && bool(m.get("starttls").get(), m.at("starttls"))) {
            throw error(m.get("starttls").get(), m.at("starttls"),
                    "give either tls (implicit TLS, port 465) or starttls (port 587), not both");
        }
        boolean startTls = !tls && (!m.has("starttls") || bool(m.get("starttls").get(), m.at("starttls")));
        int defaultPort = tls ? 465 : startTls ? 587 : 25;
        int port = m.has("port") ? (int) integer(m.get("port").get(), m.at("port"), 1, 65535) : defaultPort;
        String from = address(m.require("from"), m.at("from"));
        Node toNode = m.require("to");
        List<String> to = new ArrayList<>();
        if (toNode instanceof SequenceNode) {
            List<Node> recipients = list(toNode, m.at("to"));
            for (int i = 0; i < recipients.size(); i++) {
                to.add(address(recipients.get(i), m.at("to") + "[" + i + "]"));
            }
        } else {
            to.add(address(toNode, m.at("to")));
        }
        if (to.isEmpty()) {
            throw error(toNode, m.at("to"), "must list at least one recipient");
        }
        Optional<String> username = m.has("username")
                ? Optional.of(string(m.get("username").get(), m.at("username")))
                : Optional.empty();
        String passwordEnv = MailConfig.DEFAULT_PASSWORD_ENV;
        if (m.has("password_env")) {
            Node node = m.get("password_env").get();
            passwordEnv = string(node, m.at("password_env"));
            if (!ENV_NAME.matcher(passwordEnv).matches()) {
                throw error(node, m.at("password_env"), "must name an environment variable (letters, digits, _), got "
                        + ConfigText.quote(passwordEnv) + "; never write the password itself in feeds.yml");
            }
        }
        return Optional.of(new MailConfig(host, port, startTls, tls, from, to, username, passwordEnv));
    }

    /** A mail address, checked only for the shape an SMTP server needs (one @, no spaces or brackets). */
    private String address(Node node, String path) throws ConfigException {
        String value = string(node, path);
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1
                || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>' || c == ',')) {
            throw error(node, path, ConfigText.quote(value) + " is not a mail address (expected name@example.no)");
        }
        return value;
    }

    // ---- settings ------------------------------------------------------------------------------

    private Settings settings(Optional<Node> block) throws ConfigException {
        Settings defaults = Settings.defaults();
        if (block.isEmpty()) {
            return defaults;
        }
        YamlMap m = map(block.get(), "settings", SETTINGS_KEYS);
        String userAgent = defaults.userAgent();
        Optional<Node> userAgentNode = m.get("user_agent");
        Optional<Node> contactNode = m.get("contact");
        if (userAgentNode.isPresent() && contactNode.isPresent()) {
            throw error(contactNode.get(), m.at("contact"), "give either user_agent or contact, not both");
        }
        if (userAgentNode.isPresent()) {
            userAgent = headerText(userAgentNode.get(), m.at("user_agent"));
            if (!userAgent.toLowerCase(Locale.ROOT).contains("kildevakt")) {
                throw error(userAgentNode.get(), m.at("user_agent"),
                        "must contain \"kildevakt\" so site owners can tell who is calling (or set contact instead)");
            }
        }
        if (contactNode.isPresent()) {
            String contact = headerText(contactNode.get(), m.at("contact"));
            if (contact.indexOf('(') >= 0 || contact.indexOf(')') >= 0) {
                throw error(contactNode.get(), m.at("contact"),
                        "must not contain ( or ) (it goes inside the brackets of the User-Agent)");
            }
            userAgent = Settings.userAgentFor(contact);
        }
        return new Settings(
                userAgent,
                optionalDuration(m, "per_host_delay", false, ONE_HOUR).orElse(defaults.perHostDelay()),
                optionalDuration(m, "timeout", true, ONE_HOUR).orElse(defaults.timeout()),
                m.has("max_body") ? size(m.get("max_body").get(), m.at("max_body")) : defaults.maxBody(),
                optionalDuration(m, "interval", true, ONE_YEAR).orElse(defaults.interval()),
                m.has("retries") ? (int) integer(m.get("retries").get(), m.at("retries"), 0, MAX_RETRIES) : defaults.retries(),
                optionalDuration(m, "max_retry_after", false, ONE_HOUR).orElse(defaults.maxRetryAfter()),
                m.has("max_redirects")
                        ? (int) integer(m.get("max_redirects").get(), m.at("max_redirects"), 0, MAX_REDIRECTS)
                        : defaults.maxRedirects(),
                m.has("concurrency")
                        ? (int) integer(m.get("concurrency").get(), m.at("concurrency"), 1, MAX_CONCURRENCY)
                        : defaults.concurrency(),
                optionalDuration(m, "max_crawl_time", true, ONE_DAY).orElse(defaults.maxCrawlTime()),
                reviewGrace(m).orElse(defaults.reviewGrace()),
                proxies(m));
    }

    /**
     * {@code proxy} (one URL for http and https, or {@code none}) and {@code no_proxy} (a list, or one
     * string separated by commas as the environment variable is).
     */
    private Proxies proxies(YamlMap m) throws ConfigException {
        Optional<Node> noProxyNode = m.get("no_proxy");
        if (m.get("proxy").isEmpty()) {
            if (noProxyNode.isPresent()) {
                throw error(noProxyNode.get(), m.at("no_proxy"), "goes with proxy, which is not set here");
            }
            return Proxies.UNSET;
        }
        Node proxyNode = m.get("proxy").get();
        String value = string(proxyNode, m.at("proxy"));
        List<String> noProxy = List.of();
        if (noProxyNode.isPresent()) {
            noProxy = noProxyNode.get() instanceof ScalarNode
                    ? Proxies.noProxyList(string(noProxyNode.get(), m.at("no_proxy")))
                    : strings(noProxyNode.get(), m.at("no_proxy"));
        }
        try {
            return Proxies.ofUnnamed(value, noProxy, "feeds.yml settings.proxy");
        } catch (IllegalArgumentException e) {
            throw error(proxyNode, m.at("proxy"), e.getMessage());
        }
    }

    /** {@code review_grace}: a duration up to {@link #MAX_REVIEW_GRACE}; a bare 0 is "no grace", unambiguous without a unit. */
    private Optional<Duration> reviewGrace(YamlMap m) throws ConfigException {
        if (m.get("review_grace").filter(n -> n instanceof ScalarNode s && s.getValue().strip().equals("0")).isPresent()) {
            return Optional.of(Duration.ZERO);
        }
        return optionalDuration(m, "review_grace", false, MAX_REVIEW_GRACE);
    }

    /** Text sent in an HTTP header: OkHttp refuses anything but printable ASCII there, so say so now. */
    private String headerText(Node node, String path) throws ConfigException {
        String value = string(node, path);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw error(node, path, "must be plain ASCII, it is sent in an HTTP header (found "
                        + ConfigText.quote(String.valueOf(c)) + ")");
            }
        }
        return value;
    }

    // ---- sections and topics --------------------------------------------------------------------

    private List<Section> sections(Optional<Node> block) throws ConfigException {
        if (block.isEmpty()) {
            return Section.defaults();
        }
        List<Node> items = list(block.get(), "sections");
        if (items.isEmpty()) {
            throw error(block.get(), "sections", "empty list; leave sections out to use the default sections ("
                    + Section.defaults().stream().map(Section::id).collect(Collectors.joining(", ")) + ")");
        }
        List<Section> sections = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            YamlMap m = map(items.get(i), "sections[" + i + "]", SECTION_KEYS);
            String id = uniqueId(m, firstLine, "section");
            String title = string(m.require("title"), m.at("title"));
            boolean events = m.has("events") && bool(m.get("events").get(), m.at("events"));
            List<String> groups = m.has("groups") ? strings(m.get("groups").get(), m.at("groups")) : defaultGroups(id);
            sections.add(new Section(id, title, events, groups));
        }
        return sections;
    }

    /** A listed default section keeps its group order unless feeds.yml gives one. */
    private static List<String> defaultGroups(String id) {
        return Section.defaults().stream().filter(s -> s.id().equals(id)).findFirst().map(Section::groups).orElse(List.of());
    }

    private List<Topic> topics(Optional<Node> block) throws ConfigException {
        if (block.isEmpty()) {
            return List.of();
        }
        List<Node> items = list(block.get(), "topics");
        List<Topic> topics = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            YamlMap m = map(items.get(i), "topics[" + i + "]", TOPIC_KEYS);
            String id = uniqueId(m, firstLine, "topic");
            int weight = m.has("weight") ? (int) integer(m.get("weight").get(), m.at("weight"), 1, Integer.MAX_VALUE) : 1;
            Node termsNode = m.require("terms");
            List<String> terms = strings(termsNode, m.at("terms"));
            if (terms.isEmpty()) {
                throw error(termsNode, m.at("terms"), "must list at least one term");
            }
            List<String> exclude = m.has("exclude") ? strings(m.get("exclude").get(), m.at("exclude")) : List.of();
            String name = m.has("name") ? string(m.get("name").get(), m.at("name")) : null;
            topics.add(new Topic(id, weight, terms, exclude, name));
        }
        return topics;
    }

    // ---- sources ---------------------------------------------------------------------------------

    private List<SourceConfig> sources(YamlMap top, List<Section> sections) throws ConfigException {
        Optional<Node> node = top.get("sources");
        if (node.isEmpty()) {
            throw error(top.node, "sources", "no sources (add a \"sources:\" list)");
        }
        if (isNull(node.get())) {
            throw error(node.get(), "sources", "no sources (the list is empty)");
        }
        List<Node> items = list(node.get(), "sources");
        if (items.isEmpty()) {
            throw error(node.get(), "sources", "no sources (the list is empty)");
        }
        List<String> sectionIds = sections.stream().map(Section::id).toList();
        List<SourceConfig> sources = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            sources.add(source(items.get(i), "sources[" + i + "]", sectionIds, firstLine));
        }
        return sources;
    }

    private SourceConfig source(Node item, String path, List<String> sectionIds, Map<String, Integer> firstLine)
            throws ConfigException {
        YamlMap m = map(item, path, SOURCE_KEYS);
        String id = uniqueId(m, firstLine, "source");
        String name = m.has("name") ? string(m.get("name").get(), m.at("name")) : id;
        URI url = url(m.require("url"), m.at("url"));
        SourceType type = m.has("type") ? type(m.get("type").get(), m.at("type")) : SourceType.FEED;

        Node sectionNode = m.require("section");
        String section = string(sectionNode, m.at("section"));
        if (!sectionIds.contains(section)) {
            throw error(sectionNode, m.at("section"), "unknown section " + ConfigText.quote(section)
                    + " (known: " + String.join(", ", sectionIds) + ")");
        }

        Optional<Duration> interval = optionalDuration(m, "interval", true, ONE_YEAR);
        double weight = 1.0;
        if (m.has("weight")) {
            Node weightNode = m.get("weight").get();
            weight = number(weightNode, m.at("weight"));
            if (weight <= 0) {
                throw error(weightNode, m.at("weight"), "must be greater than 0, got " + scalarText(weightNode));
            }
        }
        Map<String, String> select = select(m, type);
        boolean dateFromUrl = listingFlag(m, "date_from_url", type);
        // enrichment also serves feeds whose entries carry no dates (Europol's RSS)
        boolean enrich = m.has("enrich") && bool(m.get("enrich").get(), m.at("enrich"));
        int pages = 1;
        if (m.has("pages")) {
            Node pagesNode = m.get("pages").get();
            if (type != SourceType.HTML) {
                throw error(pagesNode, m.at("pages"), "only allowed for type html (this source is type " + type.yamlName() + ")");
            }
            pages = (int) integer(pagesNode, m.at("pages"), 1, MAX_PAGES);
        }
        String group = m.has("group") ? string(m.get("group").get(), m.at("group")) : "";
        return new SourceConfig(id, name, url, type, section, select, interval, weight, lineOf(item),
                dateFromUrl, pages, enrich, group);
    }

    /** Options that only make sense for listings (html and json); on a feed they would be silently ignored. */
    private boolean listingFlag(YamlMap source, String key, SourceType type) throws ConfigException {
        if (!source.has(key)) {
            return false;
        }
        Node node = source.get(key).get();
        if (type == SourceType.FEED) {
            throw error(node, source.at(key), "only allowed for type html or json (this source is type feed)");
        }
        return bool(node, source.at(key));
    }

    private SourceType type(Node node, String path) throws ConfigException {
        String value = string(node, path);
        List<String> names = new ArrayList<>();
        for (SourceType t : types) {
            if (t.yamlName().equals(value)) {
                return t;
            }
            names.add(t.yamlName());
        }
        String lower = value.toLowerCase(Locale.ROOT);
        String hint = lower.equals("rss") || lower.equals("atom")
                ? "; RSS and Atom feeds are type feed"
                : ConfigText.closest(value, names).map(s -> "; did you mean " + ConfigText.quote(s) + "?").orElse("");
        throw error(node, path, "unknown type " + ConfigText.quote(value) + hint + " (allowed: " + String.join(", ", names) + ")");
    }

    /**
     * CSS selectors (html) or field paths (json). A feed has none: they would be silently ignored, so
     * refuse them. An html source without {@code select} is detected automatically; with one, it needs
     * at least {@code item}. A json source needs the paths to its items and their titles and links.
     */
    private Map<String, String> select(YamlMap source, SourceType type) throws ConfigException {
        Optional<Node> block = source.block("select");
        String path = source.at("select");
        // selectors and field paths are html's and json's; a feed, or a type without rules here, has none
        boolean selected = type == SourceType.HTML || type == SourceType.JSON;
        if (block.isPresent() && !selected) {
            throw error(block.get(), path, "only allowed for type html or json (this source is type " + type.yamlName() + ")");
        }
        if (!selected || (type == SourceType.HTML && block.isEmpty())) {
            return Map.of();
        }
        if (block.isEmpty()) {
            throw error(source.node, path, "required for type json (field paths: "
                    + String.join(", ", JSON_KEYS) + "; title and link are required)");
        }
        List<String> keys = type == SourceType.HTML ? SELECT_KEYS : JSON_KEYS;
        YamlMap m = map(block.get(), path, keys);
        if (type == SourceType.HTML) {
            m.require("item");
        } else {
            m.require("title");
            m.require("link");
        }
        Map<String, String> select = new LinkedHashMap<>();
        for (String key : keys) {
            if (m.has(key)) {
                Node node = m.get(key).get();
                String value = string(node, m.at(key));
                if (type == SourceType.HTML) {
                    checkCss(node, m.at(key), value);
                }
                select.put(key, value);
            }
        }
        return select;
    }

    /** A selector jsoup cannot parse would only fail at the first crawl; say so now, with the line. */
    private void checkCss(Node node, String path, String css) throws ConfigException {
        try {
            org.jsoup.select.QueryParser.parse(css);
        } catch (org.jsoup.select.Selector.SelectorParseException | IllegalArgumentException e) {
            throw error(node, path, ConfigText.quote(css) + " is not a valid CSS selector: " + e.getMessage());
        }
    }

    private URI url(Node node, String path) throws ConfigException {
        String value = string(node, path);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                throw error(node, path, ConfigText.quote(value) + " contains a space; write it as %20");
            }
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            String where = e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "";
            throw error(node, path, ConfigText.quote(value) + " is not a valid URL: " + e.getReason() + where);
        }
        if (!uri.isAbsolute()) {
            throw error(node, path, ConfigText.quote(value) + " is not an absolute URL; it must start with https:// or http://");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw error(node, path, ConfigText.quote(value) + ": scheme " + ConfigText.quote(uri.getScheme())
                    + " is not allowed; use https or http");
        }
        String writtenAuthority = uri.getRawAuthority();
        if ((uri.getHost() == null || uri.getHost().isEmpty()) && writtenAuthority != null) {
            uri = IdnHosts.toAscii(uri);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
                throw error(node, path, ConfigText.quote(value) + " has no host; write it as https://host/path");
            }
            throw error(node, path, ConfigText.quote(value) + ": " + ConfigText.quote(writtenAuthority)
                    + " is not a valid host name");
        }
        if (uri.getPort() > 65535) {
            throw error(node, path, ConfigText.quote(value) + ": port " + uri.getPort() + " does not exist (ports go up to 65535)");
        }
        // the last word is the HTTP client's: a URL it cannot send would fail every crawl
        if (!fetchable.accepts(uri)) {
            throw error(node, path, ConfigText.quote(value) + " is not a URL the HTTP client can fetch");
        }
        return uri;
    }

    // ---- typed values --------------------------------------------------------------------------

    /** Reads {@code id} of a section, topic or source and checks it is well formed and not used before. */
    private String uniqueId(YamlMap m, Map<String, Integer> firstLine, String what) throws ConfigException {
        Node node = m.require("id");
        String id = string(node, m.at("id"));
        if (!ID.matcher(id).matches()) {
            throw error(node, m.at("id"), ConfigText.quote(id) + " is not a valid id; " + ID_RULE);
        }
        Integer first = firstLine.putIfAbsent(id, lineOf(node));
        if (first != null) {
            throw error(node, m.at("id"), "duplicate " + what + " id " + ConfigText.quote(id) + " (first at line " + first + ")");
        }
        return id;
    }

    /** Upper bounds: a delay or timeout of hours is a typo, an interval beyond a year overflows dates. */
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final Duration ONE_YEAR = Duration.ofDays(365);
    /** A crawl bound beyond a day would not stop a hung cron crawl before the next day's runs. */
    private static final Duration ONE_DAY = Duration.ofDays(1);
    /** Twelve weeks: a grace of a whole quarter would never open the page on the current one. */
    private static final Duration MAX_REVIEW_GRACE = Duration.ofDays(84);

    private Optional<Duration> optionalDuration(YamlMap m, String key, boolean positive, Duration max) throws ConfigException {
        if (!m.has(key)) {
            return Optional.empty();
        }
        Node node = m.get(key).get();
        String path = m.at(key);
        if (!(node instanceof ScalarNode s) || !(isText(node) || isNumber(node))) {
            throw typeError(node, path, "a duration such as 30s");
        }
        Duration d;
        try {
            d = Durations.parse(s.getValue());
        } catch (IllegalArgumentException e) {
            throw error(node, path, e.getMessage());
        }
        if (positive && d.isZero()) {
            throw error(node, path, "must be longer than 0s");
        }
        if (d.compareTo(max) > 0) {
            throw error(node, path, ConfigText.quote(s.getValue()) + " is longer than the most allowed, " + Durations.format(max));
        }
        return Optional.of(d);
    }

    private long size(Node node, String path) throws ConfigException {
        if (!(node instanceof ScalarNode s) || !(isText(node) || isNumber(node))) {
            throw typeError(node, path, "a size such as 10MB");
        }
        long bytes;
        try {
            bytes = Sizes.parse(s.getValue());
        } catch (IllegalArgumentException e) {
            throw error(node, path, e.getMessage());
        }
        if (bytes == 0) {
            throw error(node, path, "must be more than 0 bytes");
        }
        return bytes;
    }

    private String string(Node node, String path) throws ConfigException {
        if (!(node instanceof ScalarNode s) || !isText(node)) {
            throw typeError(node, path, "a string");
        }
        String value = s.getValue();
        if (value.isBlank()) {
            throw error(node, path, "must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw error(node, path, ConfigText.quote(value) + " contains a control character");
            }
        }
        return value;
    }

    private List<String> strings(Node node, String path) throws ConfigException {
        List<Node> items = list(node, path);
        List<String> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            values.add(string(items.get(i), path + "[" + i + "]"));
        }
        return values;
    }

    private long integer(Node node, String path, long min, long max) throws ConfigException {
        if (!(node instanceof ScalarNode s) || !Tag.INT.equals(node.getTag())) {
            throw typeError(node, path, "a whole number");
        }
        String text = s.getValue();
        String range = max >= Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max;
        if (!DECIMAL.matcher(text).matches()) {
            // the core schema also reads 0x1f and 0o17 as integers; nobody means that in feeds.yml
            throw error(node, path, ConfigText.quote(text) + " is not a plain decimal number");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(node, path, range + ", got " + ConfigText.quote(text));
        }
        if (value < min || value > max) {
            throw error(node, path, range + ", got " + value);
        }
        return value;
    }

    private double number(Node node, String path) throws ConfigException {
        if (!(node instanceof ScalarNode s) || !isNumber(node)) {
            throw typeError(node, path, "a number");
        }
        double value;
        try {
            value = Double.parseDouble(s.getValue());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value)) {
            throw error(node, path, "must be a finite number, got " + ConfigText.quote(s.getValue()));
        }
        return value;
    }

    private boolean bool(Node node, String path) throws ConfigException {
        if (!(node instanceof ScalarNode s) || !Tag.BOOL.equals(node.getTag())) {
            throw typeError(node, path, "true or false");
        }
        return Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT));
    }

    private List<Node> list(Node node, String path) throws ConfigException {
        if (!(node instanceof SequenceNode seq)) {
            throw typeError(node, path, "a list");
        }
        return seq.getValue();
    }

    private YamlMap map(Node node, String path, List<String> allowed) throws ConfigException {
        if (!(node instanceof MappingNode mapping)) {
            throw typeError(node, path, "a map");
        }
        return new YamlMap(mapping, path, allowed);
    }

    private ConfigException typeError(Node node, String path, String expected) {
        String hint = "";
        if (expected.equals("a string") && node instanceof ScalarNode s && (isNumber(node) || Tag.BOOL.equals(node.getTag()))) {
            hint = " (put it in quotes: " + ConfigText.quote(s.getValue()) + ")";
        }
        return error(node, path, "expected " + expected + ", got " + describe(node) + hint);
    }

    // ---- nodes ---------------------------------------------------------------------------------

    /** A plain string; {@code ${NAME}} is resolved by the schema as an environment tag but is just text here. */
    private static boolean isText(Node node) {
        return Tag.STR.equals(node.getTag()) || Tag.ENV_TAG.equals(node.getTag());
    }

    private static boolean isNumber(Node node) {
        return Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag());
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isText(node)) {
            return "a string";
        }
        if (isNumber(node)) {
            return "a number";
        }
        if (Tag.BOOL.equals(node.getTag())) {
            return "true/false";
        }
        if (isNull(node)) {
            return "an empty value";
        }
        return "a value tagged " + node.getTag().getValue();
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : describe(node);
    }

    static int lineOf(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
    }

    private ConfigException error(Node at, String path, String problem) {
        return error(lineOf(at), path, problem);
    }

    private ConfigException error(int line, String path, String problem) {
        return new ConfigException(fileName + ":" + line + ": " + path + ": " + problem);
    }

    /**
     * A YAML map checked against the keys allowed at its place: a key not in the list, a key given
     * twice or a key that is not plain text is refused here, before any value is looked at.
     */
    private final class YamlMap {
        final MappingNode node;
        final String path;
        private final Map<String, Node> values = new LinkedHashMap<>();

        YamlMap(MappingNode node, String path, List<String> allowed) throws ConfigException {
            this.node = node;
            this.path = path;
            Map<String, Integer> keyLines = new HashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode keyScalar) || isNull(keyNode)) {
                    throw error(keyNode, path.isEmpty() ? "top level" : path,
                            "keys must be plain words, got " + describe(keyNode));
                }
                String key = keyScalar.getValue();
                if (!allowed.contains(key)) {
                    String suggestion = ConfigText.closest(key, allowed)
                            .map(s -> "; did you mean " + ConfigText.quote(s) + "?").orElse("");
                    String shown = PLAIN_KEY.matcher(key).matches() ? key : ConfigText.quote(key);
                    throw error(keyNode, at(shown), "unknown key" + suggestion + " (allowed: " + String.join(", ", allowed) + ")");
                }
                Integer first = keyLines.putIfAbsent(key, lineOf(keyNode));
                if (first != null) {
                    throw error(keyNode, at(key), "given twice (first at line " + first + ")");
                }
                values.put(key, tuple.getValueNode());
            }
        }

        /** The field path of a key in this map. */
        String at(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        Optional<Node> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        /**
         * A nested block (map or list); left empty (all its lines commented out) counts as absent,
         * which is what an editor who commented out every entry means.
         */
        Optional<Node> block(String key) {
            return get(key).filter(n -> !isNull(n));
        }

        Node require(String key) throws ConfigException {
            Node value = values.get(key);
            if (value == null) {
                throw error(node, at(key), "required but missing");
            }
            return value;
        }
    }
}
