package no.kildevakt.read.html;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds a page's main list of dated links when a source has no {@code select:} block, and
 * says which selectors it used, so an editor can pin them in feeds.yml.
 *
 * <p>How: every element that holds a link and repeats among its siblings is a candidate
 * item. Candidates are grouped by their structural signature (the tag and classes of the
 * element and of every ancestor), so the items of one list — also a list split under month
 * headings — form one group, while the menu, the footer and the "related" box form others.
 * Boilerplate (nav, header, footer, aside, forms, and anything whose class or id says menu,
 * breadcrumb, pagination, cookie, share, social, sidebar …) never counts. Each group is scored:
 * <ul>
 *   <li>more items is better, with diminishing returns;</li>
 *   <li>items that show a date ({@link DateFinder}) count most: a news list is dated, a menu is not;</li>
 *   <li>titles of a sentence's length beat menu labels ("Om oss");</li>
 *   <li>links to deep pages of the same site beat links to home pages and other sites;</li>
 *   <li>items that are nothing but link text, or hold many links, are penalised.</li>
 * </ul>
 * Of equal scores the outermost group wins (the {@code li}, not the {@code div} wrapper inside
 * it). From the winner the selectors are derived and verified against every item, and only
 * selectors that find the same element in nearly all items are kept; the rest is left to the
 * extractor's fallbacks.
 *
 * <p>Stateless and thread-safe.
 */
public final class ListingDetector {
    /** Fewer repeated items than this is not a listing. */
    static final int MIN_ITEMS = 3;
    /** Groups whose dates, titles and summaries are examined closely (the rest lose on cheap features). */
    private static final int SHORTLIST = 10;
    /** Items per group examined for dates. */
    private static final int SAMPLE = 40;
    /** Items per group whose features are measured (evenly spread); a 3000-item page costs no more than a 200-item one. */
    private static final int CHEAP_SAMPLE = 200;
    /** Items selectors are derived and verified on. */
    private static final int SELECTOR_SAMPLE = 60;
    /** Share of items a derived selector must get right. */
    private static final double AGREEMENT = 0.9;
    /**
     * Elements one candidate item may hold. A listing item is a few dozen; bigger ones are
     * wrappers, and measuring their text and headings for every level of a deeply nested page
     * made the detector's work grow with the square of the page.
     */
    static final int MAX_ITEM_ELEMENTS = 2_000;
    /** Ancestors an item selector may name; more only lengthens a selector that fails anyway, and cost a page scan each. */
    private static final int MAX_SELECTOR_DEPTH = 12;

    private static final Evaluator BOILERPLATE_TAGS = QueryParser.parse(
            "nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], [aria-hidden=true], dialog, menu");
    private static final Pattern BOILERPLATE_NAMES = Pattern.compile(
            "(?i)(^|[-_\\s])(nav|navbar|navigation|menu|menus|megamenu|breadcrumbs?|pagination|pager|paging|cookies?|consent|gdpr|"
                    + "share|sharing|social|some|footer|header|masthead|sidebar|skip|banner|toolbar|langs?|language|languages|"
                    + "tagcloud|login)([-_\\s]|$)");
    private static final Pattern GENERATED_CLASS = Pattern.compile(".*\\d.*\\d.*|.*[A-Z].*[A-Z].*|^css-.*|^sc-.*|^jsx-.*");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator TEXT_BLOCKS = QueryParser.parse("p, div, span, dd");

    /**
     * What was detected.
     *
     * @param selectors the selectors, as a {@code select:} block would give them
     * @param items     how many items they select on this page
     * @param score     how listing-like the group looked (for diagnostics; only relative values mean anything)
     */
    public record Detection(ListingSelectors selectors, int items, double score) {}

    /** The page's main listing, if it has one. */
    public Optional<Detection> detect(HtmlPage page, LocalDate reference) {
        Element body = page.document().body();
        if (body == null) {
            return Optional.empty();
        }
        Analysis analysis = new Analysis(page, reference);
        Map<String, List<Element>> groups = analysis.groups(body);
        List<Group> scored = new ArrayList<>();
        groups.forEach((sig, members) -> {
            if (members.size() >= MIN_ITEMS) {
                analysis.cheap(sig, members).ifPresent(scored::add);
            }
        });
        scored.sort(Comparator.comparingDouble((Group g) -> g.cheapScore).reversed());
        Group best = null;
        for (Group g : scored.subList(0, Math.min(SHORTLIST, scored.size()))) {
            analysis.full(g);
            if (best == null || g.score > best.score * 1.02
                    || (g.score >= best.score * 0.98 && isAncestorGroup(g, best))) {
                best = g;
            }
        }
        if (best == null || best.score <= 0) {
            return Optional.empty();
        }
        Group winner = best;
        return Optional.of(new Detection(analysis.selectorsFor(winner), winner.members.size(), winner.score));
    }

    /** At most {@code max} of {@code all}, evenly spread, in order. */
    static List<Element> sample(List<Element> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<Element> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(all.get((int) ((long) i * all.size() / max)));
        }
        return out;
    }

    /** Whether {@code outer}'s items contain {@code inner}'s (the wrapper case: prefer the outer). */
    private static boolean isAncestorGroup(Group outer, Group inner) {
        Element o = outer.members.get(0);
        Element i = inner.members.get(0);
        return i != o && DateFinder.isInside(i, o);
    }

    /** A candidate group and its features. */
    private static final class Group {
        final String signature;
        final List<Element> members;
        final double cheapScore;
        final double titleLength;
        final double linkDensity;
        final double deepLinks;
        final double linksPerItem;
        double score;
        double dated;

        Group(String signature, List<Element> members, double cheapScore, double titleLength, double linkDensity,
                double deepLinks, double linksPerItem) {
            this.signature = signature;
            this.members = members;
            this.cheapScore = cheapScore;
            this.titleLength = titleLength;
            this.linkDensity = linkDensity;
            this.deepLinks = deepLinks;
            this.linksPerItem = linksPerItem;
        }
    }

    /** One page's analysis, with its memo tables. */
    private static final class Analysis {
        private final HtmlPage page;
        private final LocalDate reference;
        private final Map<Element, Boolean> boilerplate = new IdentityHashMap<>();
        /** Per element, the number of its signature in {@link #signatureNumbers}: root paths are shared, never copied per element. */
        private final Map<Element, Integer> signatures = new IdentityHashMap<>();
        private final Map<String, Integer> signatureNumbers = new HashMap<>();
        /** Elements per subtree, and which subtrees hold a link: measured once, in one pass over the page. */
        private final Map<Element, Integer> sizes = new IdentityHashMap<>();
        private final Set<Element> withLinks = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private final String host;
        private final Element root;

        Analysis(HtmlPage page, LocalDate reference) {
            this.page = page;
            this.reference = reference;
            this.root = page.document();
            String h = page.url().getHost();
            this.host = h == null ? "" : h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        }

        Map<String, List<Element>> groups(Element body) {
            measure(body);
            Map<String, List<Element>> groups = new LinkedHashMap<>();
            for (Element parent : body.getAllElements()) {
                if (parent.childrenSize() < 2 || isBoilerplate(parent)) {
                    continue;
                }
                Map<String, List<Element>> siblings = new HashMap<>();
                for (Element child : parent.children()) {
                    if (withLinks.contains(child) && sizes.get(child) <= MAX_ITEM_ELEMENTS && !isBoilerplate(child)) {
                        siblings.computeIfAbsent(local(child), k -> new ArrayList<>()).add(child);
                    }
                }
                for (List<Element> repeated : siblings.values()) {
                    if (repeated.size() >= 2) {
                        for (Element e : repeated) {
                            groups.computeIfAbsent(signature(e), k -> new ArrayList<>()).add(e);
                        }
                    }
                }
            }
            return groups;
        }

        /** Fills {@link #sizes} and {@link #withLinks}, children before parents, without recursion (pages nest deeply). */
        private void measure(Element body) {
            org.jsoup.select.NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
                @Override
                public void head(org.jsoup.nodes.Node node, int depth) {}

                @Override
                public void tail(org.jsoup.nodes.Node node, int depth) {
                    if (node instanceof Element e) {
                        int size = 1;
                        boolean link = LINKS.matches(root, e); // Element.is would look for the root: once per element, up the whole depth
                        for (Element child : e.children()) {
                            size += sizes.get(child);
                            link = link || withLinks.contains(child);
                        }
                        sizes.put(e, size);
                        if (link) {
                            withLinks.add(e);
                        }
                    }
                }
            }, body);
        }

        /** Features that cost little; empty when the group cannot be a listing at all. */
        Optional<Group> cheap(String sig, List<Element> all) {
            List<Element> members = sample(all, CHEAP_SAMPLE);
            int withLink = 0;
            double titleChars = 0;
            double linkChars = 0;
            double allChars = 0;
            int deep = 0;
            int links = 0;
            for (Element item : members) {
                Element title = title(item);
                String href = link(item, title);
                Optional<String> url = href == null ? Optional.empty() : page.resolve(href);
                if (title != null && url.isPresent()) {
                    withLink++;
                    titleChars += Math.min(150, title.text().length());
                    if (isDeepSameSite(url.get())) {
                        deep++;
                    }
                }
                Elements as = item.is(LINKS) ? new Elements(item) : item.select(LINKS);
                links += as.size();
                for (Element a : as) {
                    linkChars += a.text().length();
                }
                allChars += item.text().length();
            }
            int n = members.size();
            if (withLink < Math.max(MIN_ITEMS, n * 0.6)) {
                return Optional.empty();
            }
            double titleLength = titleChars / withLink;
            double linkDensity = allChars == 0 ? 1 : Math.min(1, linkChars / allChars);
            double deepLinks = (double) deep / withLink;
            double linksPerItem = (double) links / n;
            double cheap = Math.log(1 + withLink) * Math.min(1, titleLength / 30.0) * (0.4 + 0.6 * deepLinks)
                    * (1.2 - 0.5 * linkDensity) / Math.max(1, linksPerItem - 3);
            return Optional.of(new Group(sig, all, cheap * Math.log(1 + all.size()) / Math.log(1 + n), titleLength, linkDensity,
                    deepLinks, linksPerItem));
        }

        void full(Group g) {
            int dated = 0;
            int sampled = 0;
            for (Element item : g.members) {
                if (sampled++ >= SAMPLE) {
                    break;
                }
                if (DateFinder.search(item, title(item), reference).isPresent()) {
                    dated++;
                }
            }
            g.dated = (double) dated / sampled;
            g.score = g.cheapScore * (0.25 + g.dated);
        }

        ListingSelectors selectorsFor(Group g) {
            String item = itemSelector(g);
            List<Element> items = sample(g.members, SELECTOR_SAMPLE);
            Map<Element, Element> titles = new IdentityHashMap<>();
            for (Element e : items) {
                Element t = title(e);
                if (t != null) {
                    titles.put(e, t);
                }
            }
            Optional<String> title = relativeSelector(items, titles);
            // the link selector is only needed when the title element is not (and holds no) link
            Map<Element, Element> linkElements = new IdentityHashMap<>();
            boolean titleIsLink = true;
            for (Element e : items) {
                Element t = titles.get(e);
                if (t != null && !(t.is(LINKS) || t.selectFirst(LINKS) != null || t.closest(LINKS) != null)) {
                    titleIsLink = false;
                }
                Element a = linkElement(e, t);
                if (a != null) {
                    linkElements.put(e, a);
                }
            }
            Optional<String> link = titleIsLink ? Optional.empty() : relativeSelector(items, linkElements);

            Map<Element, Element> dates = new IdentityHashMap<>();
            Map<Element, String> dateTexts = new IdentityHashMap<>();
            for (Element e : items) {
                DateFinder.search(e, titles.get(e), reference).ifPresent(f -> {
                    dates.put(e, f.element());
                    dateTexts.put(e, f.text());
                });
            }
            Optional<String> date = relativeSelector(items, dates)
                    .filter(css -> datesAgree(items, css, dates));

            Map<Element, Element> summaries = new IdentityHashMap<>();
            for (Element e : items) {
                Element s = summary(e, titles.get(e), dates.get(e));
                if (s != null) {
                    summaries.put(e, s);
                }
            }
            Optional<String> summary = summaries.size() * 2 >= items.size() ? relativeSelector(items, summaries) : Optional.empty();
            return new ListingSelectors(item, title, link, date, summary, Optional.empty());
        }

        /** Whether the date selector reads a date in (nearly) every item where the search found one. */
        private boolean datesAgree(List<Element> items, String css, Map<Element, Element> dates) {
            int agree = 0;
            for (Element item : dates.keySet()) {
                Element e = item.selectFirst(css);
                if (e != null && DateFinder.ofElement(e, reference).isPresent()) {
                    agree++;
                }
            }
            return agree >= dates.size() * AGREEMENT;
        }

        /** The title element: the first heading with text, else the first link with text. */
        Element title(Element item) {
            Element heading = ListingExtractor.longestHeading(item);
            if (heading != null) {
                return heading;
            }
            if (item.is(LINKS) && item.hasText()) {
                return item;
            }
            for (Element a : item.select(LINKS)) {
                if (a.hasText() && !a.attr("href").strip().startsWith("#")) {
                    return a;
                }
            }
            return null;
        }

        private Element linkElement(Element item, Element title) {
            if (title != null) {
                if (title.is(LINKS)) {
                    return title;
                }
                Element inside = title.selectFirst(LINKS);
                if (inside != null) {
                    return inside;
                }
                Element around = title.closest(LINKS);
                if (around != null && DateFinder.isInside(around, item)) {
                    return around;
                }
            }
            return item.is(LINKS) ? item : item.selectFirst(LINKS);
        }

        private String link(Element item, Element title) {
            Element a = linkElement(item, title);
            return a == null ? null : a.attr("href");
        }

        /** The longest text block that is neither the title nor the date, if it reads like a lead. */
        private Element summary(Element item, Element title, Element date) {
            Element best = null;
            int bestLength = 40;
            String titleText = title == null ? "" : title.text();
            for (Element e : item.select(TEXT_BLOCKS)) {
                if ((title != null && (DateFinder.isInside(e, title) || DateFinder.isInside(title, e)))
                        || (date != null && (DateFinder.isInside(e, date) || DateFinder.isInside(date, e)))) {
                    continue;
                }
                if (e.selectFirst(LINKS) != null && e.select(LINKS).text().length() * 2 > e.text().length()) {
                    continue;
                }
                String text = e.text();
                if (text.length() > bestLength && !text.equals(titleText)) {
                    best = e;
                    bestLength = text.length();
                }
            }
            return best;
        }

        private boolean isDeepSameSite(String url) {
            URI u = URI.create(url);
            String h = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            if (!h.equals(host) && !h.endsWith("." + host) && !host.endsWith("." + h)) {
                return false;
            }
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            String pagePath = page.url().getRawPath() == null ? "" : page.url().getRawPath();
            if (path.equals(pagePath) && u.getRawQuery() == null) {
                return false;
            }
            long segments = java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).count();
            return segments >= 2 || path.length() > 20 || (u.getRawQuery() != null && u.getRawQuery().length() > 3);
        }

        /** Whether {@code e} is, or lies inside, navigation or other page furniture (iterative: pages can nest deeply). */
        boolean isBoilerplate(Element e) {
            List<Element> chain = new ArrayList<>();
            Boolean result = null;
            for (Element x = e; x != null; x = x.parent()) {
                Boolean known = boilerplate.get(x);
                if (known != null) {
                    result = known;
                    break;
                }
                chain.add(x);
            }
            boolean inherited = result != null && result;
            for (int i = chain.size() - 1; i >= 0; i--) {
                Element x = chain.get(i);
                inherited = inherited || ownBoilerplate(x);
                boilerplate.put(x, inherited);
            }
            return inherited;
        }

        private boolean ownBoilerplate(Element e) {
            if (e.parent() == null || e.tagName().equals("body") || e.tagName().equals("html")) {
                return false;
            }
            if (BOILERPLATE_TAGS.matches(root, e)) {
                return true;
            }
            return !e.tagName().equals("main") && !e.tagName().equals("article")
                    && BOILERPLATE_NAMES.matcher(e.className() + " " + e.id()).find();
        }

        /**
         * The tag-and-class path from the root to {@code e}, numbered: a path is its parent's
         * number and its own tag and class (iterative, memoised), so equal paths get equal numbers
         * in space that does not grow with the page's depth.
         */
        String signature(Element e) {
            List<Element> chain = new ArrayList<>();
            int number = -1;
            for (Element x = e; x != null; x = x.parent()) {
                Integer known = signatures.get(x);
                if (known != null) {
                    number = known;
                    break;
                }
                chain.add(x);
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                Element x = chain.get(i);
                number = signatureNumbers.computeIfAbsent(number + "/" + local(x), k -> signatureNumbers.size());
                signatures.put(x, number);
            }
            return Integer.toString(number);
        }

        /** Builds the item selector: the shortest that selects exactly the group's elements. */
        String itemSelector(Group g) {
            Element first = g.members.get(0);
            Set<Element> wanted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            wanted.addAll(g.members);
            List<String> candidates = new ArrayList<>();
            String own = sharedCss(g.members);
            candidates.add(own);
            String path = own;
            int depth = 0;
            for (Element p = first.parent(); p != null && !p.tagName().equals("html") && depth++ < MAX_SELECTOR_DEPTH; p = p.parent()) {
                if (!p.id().isBlank() && isPlainIdentifier(p.id()) && allShareAncestor(g.members, p)) {
                    candidates.add("#" + p.id() + " " + own);
                }
                path = css(p) + " > " + path;
                candidates.add(path);
            }
            for (String c : candidates) {
                try {
                    Elements found = page.document().select(c);
                    if (found.size() == wanted.size() && found.stream().allMatch(wanted::contains)) {
                        return c;
                    }
                } catch (RuntimeException e) {
                    // a class name jsoup cannot take back as CSS: try the next candidate
                }
            }
            return path;
        }

        private static boolean allShareAncestor(List<Element> members, Element ancestor) {
            return members.stream().allMatch(m -> DateFinder.isInside(m, ancestor));
        }

        /**
         * A selector relative to the item that finds {@code targets.get(item)} as its first match
         * in at least {@link #AGREEMENT} of the items that have a target.
         */
        Optional<String> relativeSelector(List<Element> items, Map<Element, Element> targets) {
            if (targets.size() < Math.max(2, items.size() / 2)) {
                return Optional.empty();
            }
            Map<String, Integer> votes = new LinkedHashMap<>();
            for (Map.Entry<Element, Element> t : targets.entrySet()) {
                for (String c : relativeCandidates(t.getKey(), t.getValue())) {
                    votes.merge(c, 1, Integer::sum);
                }
            }
            List<String> ordered = votes.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(Map.Entry::getKey).collect(Collectors.toList());
            for (String c : ordered) {
                int agree = 0;
                try {
                    for (Map.Entry<Element, Element> t : targets.entrySet()) {
                        if (t.getKey().selectFirst(c) == t.getValue()) {
                            agree++;
                        }
                    }
                } catch (RuntimeException e) {
                    continue;
                }
                if (agree >= targets.size() * AGREEMENT) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        private List<String> relativeCandidates(Element item, Element target) {
            List<String> out = new ArrayList<>();
            if (target == item) {
                return out;
            }
            out.add(css(target));
            out.add(target.tagName());
            Element parent = target.parent();
            if (parent != null && parent != item && DateFinder.isInside(parent, item)) {
                out.add(css(parent) + " > " + css(target));
                out.add(css(parent) + " " + target.tagName());
            }
            return out;
        }
    }

    /** The tag and classes of one element, as a CSS compound selector. */
    static String css(Element e) {
        StringBuilder sb = new StringBuilder(e.tagName());
        e.classNames().stream().filter(ListingDetector::isPlainIdentifier)
                .filter(c -> !GENERATED_CLASS.matcher(c).matches())
                .sorted().forEach(c -> sb.append('.').append(c));
        return sb.toString();
    }

    /**
     * The element's place among its siblings for grouping: its tag and its first stable class.
     * Only the first, because lists mark items by kind with further classes
     * ({@code post post-movies}, {@code post post-tv}); the item selector is then built from
     * the classes all members share.
     */
    static String local(Element e) {
        StringBuilder sb = new StringBuilder(e.tagName());
        e.classNames().stream().filter(ListingDetector::isPlainIdentifier)
                .filter(c -> !GENERATED_CLASS.matcher(c).matches())
                .findFirst().ifPresent(c -> sb.append('.').append(c));
        return sb.toString();
    }

    /** Tag and the stable classes every one of {@code members} has. */
    static String sharedCss(List<Element> members) {
        java.util.Set<String> shared = new java.util.TreeSet<>(members.get(0).classNames());
        for (Element m : members) {
            shared.retainAll(m.classNames());
        }
        StringBuilder sb = new StringBuilder(members.get(0).tagName());
        shared.stream().filter(ListingDetector::isPlainIdentifier).filter(c -> !GENERATED_CLASS.matcher(c).matches())
                .forEach(c -> sb.append('.').append(c));
        return sb.toString();
    }

    private static boolean isPlainIdentifier(String s) {
        return s.matches("[A-Za-z_][A-Za-z0-9_-]*") && !s.startsWith("--");
    }
}
