package no.kildevakt.read.html;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CSS selectors that turn a listing page into items: the {@code select:} block of an html
 * source in feeds.yml, or what {@link ListingDetector} inferred for a page without one.
 * One value for both, so that what {@code kildevakt try} prints is exactly what an editor can
 * pin in feeds.yml and what the reader then uses.
 *
 * <p>Every selector but {@code item} is relative to the item element and may be absent; the
 * extractor then falls back (see {@link ListingExtractor}).
 *
 * @param item    each matched element is one item; never blank
 * @param title   the title is this element's text
 * @param link    this element's {@code href}, or that of its first {@code a[href]}
 * @param date    this element's {@code datetime} attribute when present, else its text
 * @param summary this element's text
 * @param next    on the page, the link to the following listing page
 */
public record ListingSelectors(String item, Optional<String> title, Optional<String> link, Optional<String> date,
        Optional<String> summary, Optional<String> next) {

    /** The keys of a {@code select:} block, in the order they are printed. */
    public static final java.util.List<String> KEYS = java.util.List.of("item", "title", "link", "date", "summary", "next");

    public ListingSelectors {
        if (item == null || item.isBlank()) {
            throw new IllegalArgumentException("the item selector is required");
        }
        title = blankToEmpty(title);
        link = blankToEmpty(link);
        date = blankToEmpty(date);
        summary = blankToEmpty(summary);
        next = blankToEmpty(next);
    }

    /** Only the item selector; everything else falls back. */
    public static ListingSelectors ofItem(String item) {
        return new ListingSelectors(item, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The selectors of a {@code select:} map from feeds.yml; empty when the map is empty (the
     * source asks for auto-detection).
     *
     * @throws IllegalArgumentException when the map has entries but no {@code item}
     */
    public static Optional<ListingSelectors> of(Map<String, String> select) {
        if (select.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ListingSelectors(select.get("item"), opt(select, "title"), opt(select, "link"),
                opt(select, "date"), opt(select, "summary"), opt(select, "next")));
    }

    /** The same selectors with another {@code next}. */
    public ListingSelectors withNext(Optional<String> next) {
        return new ListingSelectors(item, title, link, date, summary, next);
    }

    /** The selectors that are set, keyed as in feeds.yml, in {@link #KEYS} order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("item", item);
        title.ifPresent(v -> map.put("title", v));
        link.ifPresent(v -> map.put("link", v));
        date.ifPresent(v -> map.put("date", v));
        summary.ifPresent(v -> map.put("summary", v));
        next.ifPresent(v -> map.put("next", v));
        return map;
    }

    /**
     * A {@code select:} block ready to paste under a source in feeds.yml, indented by
     * {@code indent} spaces; every selector is a quoted YAML string, so {@code a[href*="/id"]}
     * and {@code #news > li} survive.
     */
    public String yamlBlock(int indent) {
        String pad = " ".repeat(indent);
        StringBuilder sb = new StringBuilder(pad).append("select:\n");
        asMap().forEach((k, v) -> sb.append(pad).append("  ").append(k).append(": ").append(yamlString(v)).append('\n'));
        return sb.toString();
    }

    /** A YAML double-quoted scalar. */
    static String yamlString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }

    private static Optional<String> opt(Map<String, String> map, String key) {
        return Optional.ofNullable(map.get(key));
    }

    private static Optional<String> blankToEmpty(Optional<String> s) {
        return s == null ? Optional.empty() : s.map(String::strip).filter(v -> !v.isEmpty());
    }
}
