package no.kildevakt.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import no.kildevakt.date.DateText;
import no.kildevakt.date.Oslo;
import no.kildevakt.date.PageDate;
import no.kildevakt.read.html.BoundedHtmlParser;
import no.kildevakt.item.PlainText;
import no.kildevakt.item.UrlCanonicalizer;
import no.kildevakt.text.CharsetSniffer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What an article page says about itself in its markup: when it was published, a description,
 * its canonical address and its title. Listing pages often show neither date nor summary, but
 * the article behind each link carries them for search engines and social media, in a few
 * well-known places.
 *
 * <p>Each field is taken from the first of its places that gives a usable value:
 * <ul>
 *   <li>published: JSON-LD {@code datePublished} of an article-like {@code @type} (top level,
 *       inside {@code @graph}, or in lists; CDATA and comment wrappers are ignored);
 *       {@code <meta property="article:published_time">}; any JSON-LD {@code datePublished};
 *       {@code DC.Date}, {@code DC.date.issued}, {@code dcterms.date}, {@code dcterms.issued},
 *       {@code dcterms.created}, {@code parsely-pub-date} and similar; {@code itemprop="datePublished"};
 *       the first {@code <time datetime>} inside {@code <article>} (or a {@code <time pubdate>});
 *       every value read by {@link DateText};</li>
 *   <li>description: {@code og:description}, {@code <meta name="description">},
 *       {@code twitter:description}, {@code DC.Description}, JSON-LD {@code description};</li>
 *   <li>canonical: {@code <link rel="canonical">}, else {@code og:url}, resolved against the
 *       page (and its {@code <base>}) and made canonical; only http(s);</li>
 *   <li>title: {@code og:title}, {@code twitter:title}, JSON-LD {@code headline}, {@code <title>}.</li>
 * </ul>
 * Texts are plain (entities and tags removed); empty values count as absent. JSON-LD comes before
 * {@code article:published_time} because some sites put the last-modified time in the latter
 * (as Mozilla Readability, whose test pages show it, also concludes).
 *
 * @param published   the publication date, if the page states one
 * @param description a plain-text description
 * @param canonical   the canonical URL the page names for itself
 * @param title       the page's title for sharing
 */
public record PageMetadata(Optional<PageDate> published, Optional<String> description, Optional<String> canonical,
        Optional<String> title) {

    /** A page that said nothing about itself. */
    public static final PageMetadata NONE = new PageMetadata(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private static final ObjectMapper JSON_LD = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();
    private static final java.util.regex.Pattern WRAPPERS =
            java.util.regex.Pattern.compile("^\\s*(?://\\s*)?(?:<!\\[CDATA\\[|<!--)|(?://\\s*)?(?:]]>|-->)\\s*$");
    private static final UrlCanonicalizer CANONICALIZER = new UrlCanonicalizer();
    /** JSON-LD types whose datePublished is the article's own (rather than, say, the website's). */
    private static final List<String> ARTICLE_TYPES = List.of("article", "newsarticle", "blogposting", "report",
            "scholarlyarticle", "pressrelease", "webpage", "event");

    /** Where the publication date may be, best first. */
    private static final List<Function<Page, Optional<String>>> PUBLISHED = List.of(
            p -> p.jsonLdArticle("datePublished"),
            p -> p.meta("article:published_time", "og:published_time"),
            p -> p.jsonLd("datePublished"),
            p -> p.meta("dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "dc.date.created",
                    "parsely-pub-date", "sailthru.date", "publish-date", "publishdate", "pubdate", "date"),
            p -> p.attribute("[itemprop=datePublished]", "content", "datetime"),
            p -> p.attribute("article time[datetime], time[pubdate][datetime]", "datetime"));

    private static final List<Function<Page, Optional<String>>> DESCRIPTION = List.of(
            p -> p.meta("og:description", "description", "twitter:description", "dc.description", "dcterms.description"),
            p -> p.jsonLd("description"));

    private static final List<Function<Page, Optional<String>>> CANONICAL = List.of(
            p -> p.attribute("link[rel~=(?i)^canonical$][href]", "abs:href"),
            p -> p.meta("og:url"));

    private static final List<Function<Page, Optional<String>>> TITLE = List.of(
            p -> p.meta("og:title", "twitter:title"),
            p -> p.jsonLd("headline"),
            p -> Optional.of(p.document.title()));

    /**
     * Reads the metadata of an HTML page. Anything that is not HTML (a PDF, an image) says nothing.
     *
     * @param html        the page's bytes
     * @param contentType the Content-Type header, or null (used to pick the charset)
     * @param base        the URL the page came from, for relative canonical links
     * @param today       the day year-less dates are resolved around
     */
    public static PageMetadata extract(byte[] html, String contentType, URI base, LocalDate today) {
        if (html == null || html.length == 0 || !isHtml(contentType, html)) {
            return NONE;
        }
        String text = CharsetSniffer.decode(html, contentType).text();
        // within the element budget: a page under max_body can still be millions of elements; its head comes first
        Page page = new Page(BoundedHtmlParser.DEFAULT.parse(text, base.toString()).document());
        Optional<PageDate> published = first(PUBLISHED, page).flatMap(s -> DateText.parse(s, today));
        Optional<String> description = first(DESCRIPTION, page).map(PlainText::of).filter(s -> !s.isBlank());
        Optional<String> canonical = first(CANONICAL, page).flatMap(u -> CANONICALIZER.canonicalize(u, base));
        Optional<String> title = first(TITLE, page).map(PlainText::of).filter(s -> !s.isBlank());
        return new PageMetadata(published, description, canonical, title);
    }

    /** {@link #extract(byte[], String, URI, LocalDate)} with year-less dates resolved around today in Europe/Oslo. */
    public static PageMetadata extract(byte[] html, String contentType, URI base) {
        return extract(html, contentType, base, LocalDate.now(Oslo.ZONE));
    }

    private static boolean isHtml(String contentType, byte[] body) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            if (type.contains("html") || type.contains("xml")) {
                return true;
            }
            if (!type.startsWith("text/plain") && !type.startsWith("application/octet-stream")) {
                return false;
            }
        }
        String start = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<") && !start.startsWith("<?xml") || start.startsWith("<?xml") && start.contains("<html");
    }

    private static Optional<String> first(List<Function<Page, Optional<String>>> places, Page page) {
        for (Function<Page, Optional<String>> place : places) {
            Optional<String> value = place.apply(page).map(String::strip).filter(s -> !s.isEmpty());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** A parsed page with its JSON-LD read once. */
    private static final class Page {
        final Document document;
        private List<JsonNode> jsonLd;

        Page(Document document) {
            this.document = document;
        }

        /** The content of the first {@code <meta>} whose name or property is one of {@code names} (case-insensitive), in that order. */
        Optional<String> meta(String... names) {
            for (String name : names) {
                for (Element meta : document.select("meta[content]")) {
                    // property="og:description twitter:description" names two at once
                    String keys = meta.attr("property") + " " + meta.attr("name") + " " + meta.attr("itemprop");
                    for (String key : keys.strip().split("\\s+")) {
                        if (key.equalsIgnoreCase(name) && !meta.attr("content").isBlank()) {
                            return Optional.of(meta.attr("content"));
                        }
                    }
                }
            }
            return Optional.empty();
        }

        /** The first non-empty attribute of the first element matching {@code css} that has one. */
        Optional<String> attribute(String css, String... attributes) {
            for (Element e : document.select(css)) {
                for (String attribute : attributes) {
                    String value = e.attr(attribute);
                    if (!value.isBlank()) {
                        return Optional.of(value);
                    }
                }
            }
            return Optional.empty();
        }

        /** A string field of an article-like JSON-LD object. */
        Optional<String> jsonLdArticle(String field) {
            return jsonLdObjects().stream().filter(Page::isArticle)
                    .map(o -> o.path(field)).filter(JsonNode::isTextual).map(JsonNode::asText).findFirst();
        }

        /** A string field of the JSON-LD objects, from an article-like object first, else from any. */
        Optional<String> jsonLd(String field) {
            return jsonLdArticle(field).or(() -> jsonLdObjects().stream().map(o -> o.path(field)).filter(JsonNode::isTextual)
                    .map(JsonNode::asText).findFirst());
        }

        private static boolean isArticle(JsonNode object) {
            JsonNode type = object.path("@type");
            List<String> types = new ArrayList<>();
            if (type.isTextual()) {
                types.add(type.asText());
            } else if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            }
            return types.stream().map(t -> t.toLowerCase(Locale.ROOT)).anyMatch(t -> ARTICLE_TYPES.stream().anyMatch(t::endsWith));
        }

        private List<JsonNode> jsonLdObjects() {
            if (jsonLd == null) {
                jsonLd = new ArrayList<>();
                for (Element script : document.select("script[type~=(?i)application/ld\\+json]")) {
                    try {
                        collect(JSON_LD.readTree(unwrap(script.data())), jsonLd, 0);
                    } catch (JsonProcessingException e) {
                        // broken JSON-LD is common; the other places may still answer
                    }
                }
            }
            return jsonLd;
        }

        /** The JSON inside the CDATA or comment wrappers pages put around scripts ({@code <![CDATA[ ... ]]>}). */
        private static String unwrap(String script) {
            return WRAPPERS.matcher(script).replaceAll("");
        }

        /** Every object in a JSON-LD value: lists, {@code @graph} and nested objects, depth-bounded. */
        private static void collect(JsonNode node, List<JsonNode> out, int depth) {
            if (node == null || depth > 8) {
                return;
            }
            if (node.isArray()) {
                node.forEach(n -> collect(n, out, depth + 1));
            } else if (node.isObject()) {
                out.add(node);
                node.properties().forEach(e -> {
                    if (e.getValue().isContainerNode()) {
                        collect(e.getValue(), out, depth + 1);
                    }
                });
            }
        }
    }
}
