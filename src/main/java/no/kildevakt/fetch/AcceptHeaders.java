package no.kildevakt.fetch;

/**
 * What kildevakt asks a server for, as a browser or a feed reader would: the kind of document
 * (Accept) by what will read it, and the languages (Accept-Language) the newsletter is written in.
 *
 * <p>Why send them at all: a server that negotiates answers a request that names no type with
 * whatever it likes best (an HTML page for a feed URL, XML for a JSON endpoint), and web
 * application firewalls count a request without Accept or Accept-Language as a bot's. Each value
 * ends in a catch-all, so no server may answer 406 Not Acceptable to a source that answered before.
 * Language: Norwegian first, then the Nordic neighbours' (their agencies are sources), then English,
 * so a site that offers several gives the version the newsletter cites.
 */
public final class AcceptHeaders {
    /** RSS, Atom and RDF first, plain XML next: what the feed parser reads. */
    public static final String FEED =
            "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
    /** An HTML page, as a browser asks for one. */
    public static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /**
     * JSON first, then an HTML page: a JSON source may be a page with its data embedded in a script
     * element, which must still be answered with the page.
     */
    public static final String JSON = "application/json, text/html;q=0.8, */*;q=0.5";
    /** Norwegian (Bokmål, then Nynorsk), Swedish and Danish, then English. */
    public static final String LANGUAGE = "nb,no;q=0.9,nn;q=0.8,sv;q=0.7,da;q=0.7,en;q=0.6";

    private AcceptHeaders() {
    }
}
