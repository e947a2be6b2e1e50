package no.kildevakt.text;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jsoup.parser.Tag;

/**
 * What a reader that scans markup by hand asks jsoup of a tag: whether it is a block (text on either
 * side is not one word), void (it has no end tag), and one HTML knows. The plain text of every feed
 * item ({@code item.PlainText}) and the start of every checked page ({@code links.check.SoftNotFound})
 * ask it for each tag they meet.
 *
 * <p>Why kept per name: jsoup's {@code Tag.valueOf} copies its tag set on each call, a few percent of a
 * link check and half a percent of a first crawl. Only known tags are kept, so the table stays as small
 * as HTML whatever names a page makes up; those are asked each time.
 *
 * @param block whether the tag starts and ends a block
 * @param empty whether the tag is void ({@code <br>}, {@code <img>}...)
 * @param known whether HTML defines the tag
 */
public record TagFacts(boolean block, boolean empty, boolean known) {
    private static final ConcurrentMap<String, TagFacts> KNOWN = new ConcurrentHashMap<>();

    /** The facts of the tag {@code name}, given in lower case as both readers have it. */
    public static TagFacts of(String name) {
        TagFacts facts = KNOWN.get(name);
        if (facts == null) {
            Tag tag = Tag.valueOf(name);
            facts = new TagFacts(tag.isBlock(), tag.isEmpty(), tag.isKnownTag());
            if (facts.known()) {
                KNOWN.putIfAbsent(name, facts);
            }
        }
        return facts;
    }
}
