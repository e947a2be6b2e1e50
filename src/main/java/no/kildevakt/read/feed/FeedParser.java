package no.kildevakt.read.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.date.FeedDates;
import no.kildevakt.item.Entry;
import no.kildevakt.text.CharsetSniffer;
import no.kildevakt.text.DecodedText;
import no.kildevakt.text.OneLine;
import no.kildevakt.text.XmlPrologue;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jdom2.input.JDOMParseException;
import org.xml.sax.SAXParseException;

/**
 * Turns the bytes of an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 document into {@link ParsedFeed}:
 * charset chosen from BOM, HTTP header and XML prolog; DTDs and external entities off.
 *
 * <p>How it works, and why:
 * <ol>
 *   <li>{@link CharsetSniffer} decodes the bytes (its class comment has the policy), so the parser only
 *       ever sees a {@code Reader} and the prolog's encoding label cannot contradict what was chosen.</li>
 *   <li>Anything that is clearly not a feed — empty, JSON, an HTML page — is rejected with a message an
 *       editor understands, before an XML parser produces a cryptic one.</li>
 *   <li>A DOCTYPE is cut out of the text (real RSS 0.91 feeds carry Netscape's), Rome's doctype ban
 *       stays on, external entities and DTD loading are off: no XXE, no entity bombs. Rome's XML healer
 *       maps HTML named entities ({@code &nbsp;}, {@code &oslash;}) to characters first.</li>
 *   <li>Rome builds its model from the JDOM tree; titles, summaries, guids and most dates come from it.
 *       The JDOM tree is kept to resolve links against nested {@code xml:base} (Rome ignores it in RSS),
 *       then the channel link, then the document URL, and to retry dates Rome cannot read with
 *       {@link FeedDates}.</li>
 * </ol>
 * No input makes {@code parse} throw anything but {@link FeedParseException}. Instances are stateless and
 * thread-safe.
 */
public final class FeedParser {
    private static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");
    private static final Namespace DUBLIN_CORE = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    private static final Set<String> DATE_NAMESPACES = Set.of("", "http://purl.org/dc/elements/1.1/",
            "http://purl.org/dc/terms/", ATOM_10.getURI(), ATOM_03.getURI(),
            "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2");
    private static final List<String> PUBLISHED_NAMES = List.of("pubDate", "published", "issued", "date", "created");
    private static final List<String> UPDATED_NAMES = List.of("updated", "modified");
    /** Elements whose dates and categories Rome would parse: entries, and the feed itself (RSS channel, Atom feed). */
    private static final Set<String> DATED_PARENTS = Set.of("item", "entry", "channel", "feed");
    private static final Set<String> FEED_ROOTS = Set.of("rss", "feed", "rdf:rdf", "rdf", "channel");

    /**
     * One configured XML parser per thread, built on first use and reused: building a SAX parser
     * (and its JDOM builder) for every document was over a third of the parse time of a small feed.
     * Neither is thread-safe, so threads never share one; a crawler's worker threads end with the crawl,
     * and their parsers with them.
     */
    private final ThreadLocal<RomeInput> inputs = ThreadLocal.withInitial(RomeInput::new);

    /**
     * @param body        the raw bytes as received
     * @param contentType the HTTP Content-Type header, or null
     * @param documentUrl the URL the document came from, the last base for relative links; may be null
     */
    public ParsedFeed parse(byte[] body, String contentType, URI documentUrl) throws FeedParseException {
        try {
            return parseUnchecked(body, contentType, documentUrl);
        } catch (FeedParseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FeedParseException(oneLine("unreadable feed: " + describe(e)), e);
        } catch (StackOverflowError e) {
            throw new FeedParseException("unreadable feed: the document is nested too deeply", e);
        }
    }

    private ParsedFeed parseUnchecked(byte[] body, String contentType, URI documentUrl) throws FeedParseException {
        if (body == null || isBlank(body)) {
            throw new FeedParseException("empty body");
        }
        DecodedText decoded = CharsetSniffer.decode(body, contentType);
        List<String> warnings = new ArrayList<>(decoded.warnings());
        rejectNonFeeds(decoded.text(), contentType);

        XmlPrologue.Prepared prepared = XmlPrologue.prepare(decoded.text());
        if (prepared.doctypeStripped()) {
            warnings.add("removed a DOCTYPE declaration (DTDs and entities declared there are never loaded)");
        }
        if (prepared.invalidCharsRemoved() > 0) {
            warnings.add("removed " + prepared.invalidCharsRemoved() + " characters that XML does not allow");
        }

        if (!prepared.expandedEntities().isEmpty()) {
            warnings.add("expanded internal entities by hand: " + String.join(", ", prepared.expandedEntities()));
        }
        if (!prepared.droppedEntities().isEmpty()) {
            warnings.add(oneLine("removed references to external or nested entities: "
                    + String.join(", ", prepared.droppedEntities())));
        }

        RomeInput input = inputs.get();
        Document document;
        try {
            document = buildDocument(input, prepared.text(), prepared.start());
        } catch (FeedParseException e) {
            // feeds often use content:, dc:, atom: ... without declaring them; declare and try once more
            String repaired = e.getMessage().contains("is not bound") ? NamespaceRepair.declareMissing(prepared.xml()) : null;
            if (repaired == null) {
                throw e;
            }
            document = buildDocument(input, repaired, 0);
            warnings.add("declared namespace prefixes the document uses without declaring them");
        }
        repairAtomRoot(document, warnings);
        int lifted = RdfRepair.liftItemsOutOfChannel(document.getRootElement());
        if (lifted > 0) {
            warnings.add(lifted + " RSS 1.0 <item>" + (lifted == 1 ? "" : "s") + " inside <channel>; read as the feed's items");
        }
        RdfRepair.dublinCore10As11(document.getRootElement());
        compactBase64(document);
        WireFeed wire;
        List<Detached> unread = detachUnread(document);
        try {
            wire = buildWireFeed(input, document, warnings);
        } catch (IllegalArgumentException e) {
            Element root = document.getRootElement();
            throw new FeedParseException(oneLine("not a feed: the root element is <" + root.getQualifiedName() + ">"), e);
        } catch (FeedException e) {
            throw new FeedParseException(oneLine("unreadable feed: " + describe(e)), e);
        } finally {
            unread.forEach(d -> d.parent().addContent(d.element()));
        }
        SyndFeed synd = new SyndFeedImpl(wire);
        return map(wire, synd, document.getRootElement(), decoded, warnings, documentUrl);
    }

    /**
     * Takes the elements Rome need not see out of the tree while it builds its model, and returns them
     * (each still knowing its parent) so they can be put back:
     * <ul>
     *   <li>the dates of the entries and of the feed itself. Entry dates are read by {@link FeedDates},
     *       which is strict where Rome is lenient ("31 Sep" is no date, not 1 Oct); the feed's own dates
     *       ({@code lastBuildDate} and the like) are read by no one. And Rome's date parsing, a new
     *       SimpleDateFormat for every pattern it tries, was the largest single cost of parsing a feed,
     *       and still 2% of a first crawl's CPU for the feed's dates alone;</li>
     *   <li>the categories, which kildevakt does not read: Rome puts an entry's categories in a set,
     *       hashing each by a reflective {@code toString} of the bean, 2% of a first crawl's CPU.</li>
     * </ul>
     */
    private static List<Detached> detachUnread(Document document) {
        List<Detached> detached = new ArrayList<>();
        for (Element e : document.getRootElement().getDescendants(Filters.element())) {
            Element parent = e.getParentElement();
            if (parent != null && DATED_PARENTS.contains(parent.getName()) && DATE_NAMESPACES.contains(e.getNamespaceURI())
                    && (PUBLISHED_NAMES.contains(e.getName()) || UPDATED_NAMES.contains(e.getName())
                            || e.getName().equals("lastBuildDate") || e.getName().equals("category"))) {
                detached.add(new Detached(parent, e));
            }
        }
        detached.forEach(d -> d.element().detach());
        return detached;
    }

    /** An element taken out of its entry or feed for a while. */
    private record Detached(Element parent, Element element) {}

    /** Rome knows RSS by its version attribute; an unknown version ("2.1", none at all) is read as 2.0. */
    private static WireFeed buildWireFeed(RomeInput input, Document document, List<String> warnings)
            throws FeedException {
        try {
            return input.build(document);
        } catch (IllegalArgumentException e) {
            Element root = document.getRootElement();
            if (!root.getName().equals("rss")) {
                throw e;
            }
            String version = root.getAttributeValue("version");
            root.setAttribute("version", "2.0");
            warnings.add(oneLine("unknown RSS version " + (version == null ? "(none)" : "'" + version + "'")
                    + "; read as RSS 2.0"));
            return input.build(document);
        }
    }

    /**
     * Gives Rome the shapes it recognises: Atom without its namespace, Atom entry documents, RSS without
     * {@code <channel>} (items straight under {@code <rss>}) and RDF without a channel.
     */
    /**
     * Atom 0.3's {@code mode="base64"} content is usually wrapped and indented like any other element;
     * Rome's decoder takes the whitespace for data and fails the whole feed with an index error.
     * Base64 has no meaningful whitespace, so it is removed before Rome decodes.
     */
    private static void compactBase64(Document document) {
        List<Element> encoded = new ArrayList<>();
        for (Element e : document.getRootElement().getDescendants(Filters.element())) {
            if ("base64".equalsIgnoreCase(e.getAttributeValue("mode"))) {
                encoded.add(e); // changed after the walk: the iterator refuses changes under it
            }
        }
        for (Element e : encoded) {
            String text = e.getText();
            String compact = text.replaceAll("\\s+", "");
            if (!compact.equals(text)) {
                e.setText(compact);
            }
        }
    }

    private static void repairAtomRoot(Document document, List<String> warnings) {
        Element root = document.getRootElement();
        if (root.getName().equals("rss") && !root.getNamespace().equals(Namespace.NO_NAMESPACE)) {
            moveToNamespace(root, root.getNamespace(), Namespace.NO_NAMESPACE);
            warnings.add("an <rss> document in a namespace; read as plain RSS");
        }
        if (root.getName().equals("rss") && root.getChild("channel", root.getNamespace()) == null) {
            Element channel = new Element("channel", root.getNamespace());
            List<org.jdom2.Content> children = new ArrayList<>(root.getContent());
            children.forEach(org.jdom2.Content::detach);
            channel.addContent(children);
            root.addContent(channel);
            warnings.add("an <rss> document without <channel>; its content read as the channel");
        } else if (root.getName().equals("RDF") && channelElement(root) == null) {
            root.addContent(new Element("channel", root.getNamespace("")));
            warnings.add("an RSS 1.0 document without <channel>");
        } else if (root.getName().equals("feed") && root.getNamespace().equals(Namespace.NO_NAMESPACE)) {
            Namespace atom = "0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM_10;
            moveToNamespace(root, Namespace.NO_NAMESPACE, atom);
            warnings.add("an Atom feed without the Atom namespace; read as " + (atom == ATOM_03 ? "Atom 0.3" : "Atom 1.0"));
        } else if (root.getName().equals("entry") && isAtomNamespace(root.getNamespace())) {
            Element feed = new Element("feed", root.getNamespace());
            if (ATOM_03.equals(root.getNamespace())) {
                feed.setAttribute("version", "0.3");
            }
            document.setRootElement(feed);
            feed.addContent(root);
            warnings.add("an Atom entry document; read as a feed of one entry");
        }
    }

    private static void moveToNamespace(Element root, Namespace from, Namespace to) {
        List<Element> moving = new ArrayList<>();
        moving.add(root);
        for (Element e : root.getDescendants(Filters.element())) {
            if (e.getNamespace().equals(from)) {
                moving.add(e);
            }
        }
        moving.forEach(e -> e.setNamespace(to));
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void rejectNonFeeds(String text, String contentType) throws FeedParseException {
        // the first character that is neither white space nor a BOM, found without copying the text
        int at = 0;
        while (at < text.length() && (text.charAt(at) == '\uFEFF' || Character.isWhitespace(text.charAt(at)))) {
            at++;
        }
        if (at == text.length()) {
            throw new FeedParseException("empty body");
        }
        char first = text.charAt(at);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (first == '{' || first == '[' || (type.contains("json") && first != '<')) {
            throw new FeedParseException("expected a feed but got JSON");
        }
        String root = XmlPrologue.rootName(text);
        boolean htmlRoot = root != null && (root.equals("html") || root.equals("!html") || root.endsWith(":html"));
        boolean htmlType = type.contains("html") && !type.contains("xhtml") && (root == null || !FEED_ROOTS.contains(root));
        if (htmlRoot || htmlType) {
            String shown = contentType == null || contentType.isBlank() ? "no content type" : contentType.strip();
            throw new FeedParseException(oneLine("expected a feed but got an HTML page (" + shown + ")"));
        }
    }

    /**
     * No real feed nests elements more than a few dozen deep. A hostile one nested hundreds of
     * thousands deep costs JDOM time that grows with the square of the depth, so the SAX parser
     * refuses it as soon as it goes past this.
     */
    static final int MAX_ELEMENT_DEPTH = 256;

    /** Parses {@code text} from {@code start} on (what comes before is no part of the document, see {@link XmlPrologue}). */
    private static Document buildDocument(RomeInput input, String text, int start) throws FeedParseException {
        SAXBuilder builder = input.saxBuilder();
        try {
            Reader reader = new StringReader(text);
            reader.skip(start);
            return builder.build(needsHealing(text, start) ? new XmlFixerReader(reader) : reader);
        } catch (JDOMParseException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof SAXParseException sax ? sax.getMessage() : e.getMessage();
            throw new FeedParseException(oneLine("malformed XML at line " + e.getLineNumber() + ": " + reason), e);
        } catch (JDOMException | IOException e) {
            throw new FeedParseException(oneLine("malformed XML: " + describe(e)), e);
        }
    }

    private ParsedFeed map(WireFeed wire, SyndFeed synd, Element root, DecodedText decoded, List<String> warnings,
            URI documentUrl) {
        boolean atom = wire instanceof com.rometools.rome.feed.atom.Feed;
        String documentBase = documentUrl == null ? null : documentUrl.toString();
        Element channel = atom ? root : channelElement(root);

        String feedLink = null;
        if (channel != null) {
            LinkRef ref = linkOf(channel, atom, false);
            if (ref != null) {
                feedLink = resolveWithBases(ref, documentBase);
            }
        }
        if (feedLink == null && synd.getLink() != null && !synd.getLink().isBlank()) {
            feedLink = Links.resolve(documentBase, synd.getLink());
        }
        String entryBase = Links.isAbsoluteHttp(feedLink) ? feedLink : documentBase;

        List<SyndEntry> syndEntries = synd.getEntries();
        List<?> wireEntries = atom ? ((com.rometools.rome.feed.atom.Feed) wire).getEntries()
                : ((com.rometools.rome.feed.rss.Channel) wire).getItems();
        List<Element> elements = entryElements(root, atom, channel);
        boolean aligned = elements.size() == syndEntries.size();
        if (!aligned) {
            warnings.add("could not match " + syndEntries.size() + " entries to their XML; xml:base ignored");
        }

        List<Entry> entries = new ArrayList<>(syndEntries.size());
        for (int i = 0; i < syndEntries.size(); i++) {
            SyndEntry se = syndEntries.get(i);
            Object we = i < wireEntries.size() ? wireEntries.get(i) : null;
            Element element = aligned ? elements.get(i) : null;
            entries.add(entry(se, we, element, atom, wire.getFeedType(), entryBase));
        }
        String title = blankToNull(synd.getTitle());
        if (title == null && channel != null) {
            title = dcTitle(channel);
        }
        return new ParsedFeed(wire.getFeedType(), title, feedLink, decoded.description(), entries, warnings);
    }

    private static String dcTitle(Element e) {
        Element dc = e.getChild("title", DUBLIN_CORE);
        return dc == null ? null : blankToNull(dc.getText());
    }

    private Entry entry(SyndEntry se, Object wireEntry, Element element, boolean atom, String feedType,
            String base) {
        String guid = null;
        if (wireEntry instanceof Item item) {
            Guid g = item.getGuid();
            guid = g != null ? blankToNull(g.getValue()) : null;
            if (guid == null && (feedType.equals("rss_1.0") || feedType.equals("rss_0.9"))) {
                guid = blankToNull(item.getUri());
            }
        } else if (wireEntry instanceof com.rometools.rome.feed.atom.Entry e) {
            guid = blankToNull(e.getId());
        }
        if (guid != null) {
            guid = guid.strip();
        }

        String link = null;
        if (element != null) {
            LinkRef ref = linkOf(element, atom, !atom);
            if (ref != null) {
                link = resolveWithBases(ref, base);
            }
        }
        if (link == null && se.getLink() != null && !se.getLink().isBlank()) {
            link = Links.resolve(base, se.getLink());
        }

        String summary = null;
        SyndContent description = se.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            summary = description.getValue();
        } else if (se.getContents() != null) {
            for (SyndContent content : se.getContents()) {
                if (content != null && content.getValue() != null && !content.getValue().isBlank()) {
                    summary = content.getValue();
                    break;
                }
            }
        }

        Instant published;
        Instant updated;
        if (wireEntry instanceof com.rometools.rome.feed.atom.Entry e) {
            // Rome's Atom 0.3 converter files <modified> as published; read the Atom model directly
            published = toInstant(e.getPublished() != null ? e.getPublished() : e.getIssued());
            updated = toInstant(e.getUpdated() != null ? e.getUpdated() : e.getModified());
        } else {
            published = toInstant(se.getPublishedDate());
            updated = toInstant(se.getUpdatedDate());
        }
        // entry dates are FeedDates' alone (Rome never saw them: see detachUnread)
        if (element != null) {
            published = rawDate(element, PUBLISHED_NAMES).orElse(published);
            updated = rawDate(element, UPDATED_NAMES).orElse(updated);
        }
        if (published == null) {
            published = updated;
        }
        String title = blankToNull(se.getTitle());
        if (title == null && element != null) {
            title = dcTitle(element);
        }
        return new Entry(guid, title, link, summary, published, updated);
    }

    /** A link as written, and the element whose xml:base chain applies to it. */
    private record LinkRef(String href, Element context) {}

    /**
     * RSS {@code <link>} text first; then Atom links (rel=alternate preferred, else the first); then, for
     * RSS entries, a guid that is a permalink and looks like an http(s) URL.
     */
    private static LinkRef linkOf(Element e, boolean atom, boolean guidFallback) {
        if (!atom) {
            for (Element child : e.getChildren()) {
                if (child.getName().equals("link") && !isAtomNamespace(child.getNamespace())) {
                    String text = child.getTextTrim();
                    if (!text.isEmpty()) {
                        return new LinkRef(text, child);
                    }
                    String href = child.getAttributeValue("href");
                    if (href != null && !href.isBlank()) {
                        return new LinkRef(href.strip(), child);
                    }
                }
            }
        }
        Element first = null;
        for (Element child : e.getChildren()) {
            if (!child.getName().equals("link") || !(isAtomNamespace(child.getNamespace()) || atom)) {
                continue;
            }
            String href = child.getAttributeValue("href");
            if (href == null && atom && !child.getTextTrim().isEmpty()) {
                href = child.getTextTrim(); // Atom 0.3 drafts put the URL in the content
            }
            if (href == null) {
                continue;
            }
            String rel = child.getAttributeValue("rel");
            if (rel == null || rel.isBlank() || rel.strip().equalsIgnoreCase("alternate")) {
                return new LinkRef(href.strip(), child);
            }
            if (first == null) {
                first = child;
            }
        }
        LinkRef guid = guidFallback ? permalinkGuid(e) : null;
        if (guid != null) {
            return guid;
        }
        if (first == null) {
            return null;
        }
        String href = first.getAttributeValue("href");
        return new LinkRef((href != null ? href : first.getTextTrim()).strip(), first);
    }

    private static LinkRef permalinkGuid(Element e) {
        for (Element child : e.getChildren()) {
            if (child.getName().equals("guid")) {
                String permalink = child.getAttributeValue("isPermaLink");
                String text = child.getTextTrim();
                if ((permalink == null || !permalink.strip().equalsIgnoreCase("false")) && Links.isAbsoluteHttp(text)) {
                    return new LinkRef(text, child);
                }
            }
        }
        return null;
    }

    private static boolean isAtomNamespace(Namespace ns) {
        return ns.getURI().equals(ATOM_10.getURI()) || ns.getURI().equals(ATOM_03.getURI());
    }

    /** Resolves through every xml:base from the root down to the link's element, starting at {@code base}. */
    private static String resolveWithBases(LinkRef ref, String base) {
        List<String> bases = new ArrayList<>();
        for (Element e = ref.context(); e != null; e = e.getParentElement()) {
            String b = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (b != null) {
                bases.add(0, b.strip());
            }
        }
        String current = base;
        for (String b : bases) {
            current = Links.isAbsolute(b) ? b : current == null ? b : Links.resolve(current, b);
        }
        return blankToNull(Links.resolve(current, ref.href()));
    }

    private static Element channelElement(Element root) {
        if (root.getName().equals("channel")) {
            return root;
        }
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                return child;
            }
        }
        return null;
    }

    private static List<Element> entryElements(Element root, boolean atom, Element channel) {
        if (atom) {
            return root.getChildren("entry", root.getNamespace());
        }
        if (root.getName().equals("RDF")) {
            Namespace ns = channel != null ? channel.getNamespace() : root.getNamespace();
            return root.getChildren("item", ns);
        }
        if (channel == null) {
            return List.of();
        }
        List<Element> items = channel.getChildren("item", channel.getNamespace());
        return items.isEmpty() ? root.getChildren("item", root.getNamespace()) : items;
    }

    private static Optional<Instant> rawDate(Element element, List<String> names) {
        for (String name : names) {
            for (Element child : element.getChildren()) {
                if (child.getName().equals(name) && DATE_NAMESPACES.contains(child.getNamespaceURI())) {
                    Optional<Instant> parsed = FeedDates.parse(child.getTextTrim());
                    if (parsed.isPresent()) {
                        return parsed;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * Whether the text has an ampersand that XML alone cannot read (an HTML entity such as
     * {@code &aring;}, or a bare {@code &}). Only then does it go through Rome's XML healer,
     * which reads character by character and is the slowest step of parsing a clean feed.
     */
    static boolean needsHealing(String xml) {
        return needsHealing(xml, 0);
    }

    /** As {@link #needsHealing(String)}, for the text from {@code from} on. */
    private static boolean needsHealing(String xml, int from) {
        for (int at = xml.indexOf('&', from); at >= 0; at = xml.indexOf('&', at + 1)) {
            if (!isXmlReference(xml, at + 1)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] XML_ENTITIES = {"amp;", "lt;", "gt;", "quot;", "apos;"};

    /**
     * Whether an XML reference follows the {@code &} before {@code from}: one of XML's five entities, or
     * {@code #} and 1-7 digits, or {@code #x} and 1-6 hex digits, then {@code ;}. By hand, not by regex:
     * a feed's escaped HTML has an {@code &} every few words, and the regex was 1% of a first crawl.
     */
    static boolean isXmlReference(String xml, int from) {
        for (String entity : XML_ENTITIES) {
            if (xml.startsWith(entity, from)) {
                return true;
            }
        }
        if (from >= xml.length() || xml.charAt(from) != '#') {
            return false;
        }
        boolean hex = from + 1 < xml.length() && xml.charAt(from + 1) == 'x';
        int start = from + (hex ? 2 : 1);
        int radix = hex ? 16 : 10;
        int end = start;
        while (end < xml.length() && end - start < (hex ? 6 : 7) && isAsciiDigit(xml.charAt(end), radix)) {
            end++;
        }
        return end > start && end < xml.length() && xml.charAt(end) == ';';
    }

    private static boolean isAsciiDigit(char c, int radix) {
        return c < 128 && Character.digit(c, radix) >= 0;
    }

    private static String oneLine(String s) {
        return OneLine.of(s, 300);
    }

    /**
     * Rome's input with its defaults kept (doctypes disallowed, external entities and DTD loading off),
     * opened up only so that we can keep the JDOM tree it parses for xml:base and raw dates.
     */
    private static final class RomeInput extends WireFeedInput {
        RomeInput() {
            super(false, Locale.US);
            setXmlHealerOn(true);
            setAllowDoctypes(false);
        }

        private SAXBuilder builder;

        /** The builder, configured once (JDOM drops its cached parser whenever a setting changes). */
        SAXBuilder saxBuilder() {
            if (builder == null) {
                SAXBuilder b = createSAXBuilder();
                b.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
                // the SAX parser has already checked names and characters; JDOM checking them again
                // is a good part of the parse time
                b.setJDOMFactory(new org.jdom2.UncheckedJDOMFactory());
                b.setReuseParser(true);
                builder = b;
            }
            return builder;
        }
    }
}
