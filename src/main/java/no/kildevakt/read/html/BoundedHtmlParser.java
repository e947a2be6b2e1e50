package no.kildevakt.read.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jsoup.nodes.Document;
import org.jsoup.parser.HtmlTreeBuilder;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import org.jsoup.parser.Tag;
import org.jsoup.parser.TagSet;

/**
 * Parses HTML as jsoup does, but builds at most a fixed number of elements, so that one page
 * under {@code max_body} cannot exhaust the heap.
 *
 * <p>Why: a DOM element costs about 190 bytes, and markup can be almost nothing but elements.
 * A 9 MB page of {@code <b>} (3,000,000 elements, nested 3,000,000 deep) needs some 560 MB, and
 * a 10 MB list of 300,000 {@code <li><a>} about 110 MB before anything reads it; at
 * {@code -Xmx256m} either took the whole crawl down. Real pages have a few thousand elements (the
 * largest in the Readability corpus, a long Wikipedia article, has under 10,000), so
 * {@link #MAX_ELEMENTS} leaves them twenty times the room and still keeps a page's DOM near 40 MB.
 *
 * <p>How: jsoup's tree builder asks the parser's {@link TagSet} for the tag of every element it
 * creates (from the markup, implied ones like {@code tbody}, and formatting elements it
 * reconstructs), so a tag set that counts those look-ups counts the elements during the parse
 * rather than after it. jsoup 1.21 has no depth or size limit of its own; a test
 * ({@code BoundedHtmlParserTest}) pins this hook down for the next jsoup update. At the budget the parse stops and the document keeps what was built: the top of the
 * page, where a listing's newest items are. {@link Parsed#truncated()} says so, and callers pass
 * {@link Parsed#warning()} on.
 *
 * <p>Thread-safe: each parse gets its own counter.
 */
public final class BoundedHtmlParser {
    /** Elements one page may build. */
    public static final int MAX_ELEMENTS = 100_000;

    /** The parser every page goes through unless a test injects a smaller budget. */
    public static final BoundedHtmlParser DEFAULT = new BoundedHtmlParser(MAX_ELEMENTS);

    private final int maxElements;

    /** @param maxElements the most elements one document may have; more markup than that is not parsed */
    public BoundedHtmlParser(int maxElements) {
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be positive, was " + maxElements);
        }
        this.maxElements = maxElements;
    }

    /**
     * A parsed document.
     *
     * @param document  the document; when truncated, the part of the page before the budget ran out
     * @param truncated whether the page had more elements than the budget
     * @param budget    the budget it was parsed with
     */
    public record Parsed(Document document, boolean truncated, int budget) {
        /** One line for the source's warnings; empty when nothing was cut. */
        public String warning() {
            return truncated ? "page has over " + budget + " elements; read the first " + budget + " and ignored the rest" : "";
        }
    }

    /** Parses {@code html} as a browser would, up to the budget; never throws on bad markup. */
    public Parsed parse(String html, String baseUri) {
        CountingTagSet tags = new CountingTagSet(maxElements);
        Parser parser = new CountingParser(tags);
        // the stream parser hands out its document before the parse ends, so a stopped parse still leaves one
        try (StreamParser stream = new StreamParser(parser).parse(html, baseUri)) {
            Document document = stream.document();
            boolean truncated = false;
            try {
                stream.complete();
            } catch (BudgetSpent e) {
                truncated = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen: the input is a String
            }
            tags.disarm(); // the document keeps its parser; later edits to it must not hit the budget
            return new Parsed(document, truncated, maxElements);
        }
    }

    /** An HTML parser whose tree builder looks tags up in a counting tag set ({@link Parser#tagSet(TagSet)} would copy it). */
    private static final class CountingParser extends Parser {
        private final CountingTagSet tags;

        CountingParser(CountingTagSet tags) {
            super(new HtmlTreeBuilder());
            this.tags = tags;
        }

        @Override
        public TagSet tagSet() {
            return tags;
        }
    }

    /** Counts the elements a parse creates, by the tag look-up jsoup does for each. */
    private static final class CountingTagSet extends TagSet {
        private final int budget;
        private int created;
        private boolean armed = true;

        CountingTagSet(int budget) {
            super(TagSet.Html());
            this.budget = budget;
        }

        void disarm() {
            armed = false;
        }

        @Override
        public Tag get(String tagName, String namespace) {
            if (armed && ++created > budget) {
                throw new BudgetSpent();
            }
            return super.get(tagName, namespace);
        }
    }

    /** Stops the parse; caught in {@link #parse}, never seen outside. */
    private static final class BudgetSpent extends RuntimeException {
        BudgetSpent() {
            super(null, null, false, false);
        }
    }
}
