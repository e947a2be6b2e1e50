package no.kildevakt.read.feed;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.IllegalAddException;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Puts two old but real feed shapes into the form Rome reads, on the parsed tree before Rome
 * builds its model:
 * <ul>
 *   <li>RSS 1.0 and 0.90 {@code <item>}s written inside {@code <channel>}: Rome looks only at the
 *       items directly under {@code rdf:RDF}, so such a feed gave no entries and no word why. The
 *       items are moved out, right after the channel, in their order.</li>
 *   <li>Dublin Core 1.0 ({@code http://purl.org/dc/elements/1.0/}): Rome's DC module and the
 *       parser's own date reading know only 1.1, whose {@code title} and {@code date} mean the same;
 *       the elements are moved to the 1.1 namespace.</li>
 * </ul>
 */
final class RdfRepair {
    static final String DUBLIN_CORE_10 = "http://purl.org/dc/elements/1.0/";
    static final String DUBLIN_CORE_11 = "http://purl.org/dc/elements/1.1/";

    private RdfRepair() {}

    /**
     * Moves the {@code <item>}s of an RDF document's channel up to the root, after the channel.
     *
     * @return how many were moved (0 for anything but RSS 1.0/0.90 with nested items)
     */
    static int liftItemsOutOfChannel(Element root) {
        if (!root.getName().equals("RDF")) {
            return 0;
        }
        Element channel = null;
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                channel = child;
                break;
            }
        }
        if (channel == null) {
            return 0;
        }
        List<Element> nested = new ArrayList<>(channel.getChildren("item", channel.getNamespace()));
        int at = root.indexOf(channel) + 1;
        for (Element item : nested) {
            item.detach();
            root.addContent(at++, item);
        }
        return nested.size();
    }

    /** Moves every Dublin Core 1.0 element to 1.1, keeping its prefix. */
    static void dublinCore10As11(Element root) {
        List<Element> old = new ArrayList<>();
        for (Element e : root.getDescendants(Filters.element())) {
            if (e.getNamespaceURI().equals(DUBLIN_CORE_10)) {
                old.add(e); // changed after the walk: the iterator refuses changes under it
            }
        }
        for (Element e : old) {
            try {
                e.setNamespace(Namespace.getNamespace(e.getNamespacePrefix(), DUBLIN_CORE_11));
            } catch (IllegalAddException collision) {
                // an attribute of the element claims the prefix for 1.0; leave this one unread
            }
        }
    }
}
