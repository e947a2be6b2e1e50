package no.kildevakt.digest;

import com.github.mustachejava.Mustache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The digest as one self-contained HTML page that a mail client shows as it is: inline styles only (many
 * clients drop {@code <style>} blocks), no scripts, no images, no external resources. Crawled text is
 * escaped by the template; only http(s) URLs become links.
 */
public final class HtmlDigest implements DigestWriter {
    private final Mustache template = Templates.compile("digest.html.mustache");

    @Override
    public String write(Digest digest) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("heading", DigestText.heading(digest));
        view.put("subheading", "Perioden " + digest.period().label() + ", gruppert etter seksjon, beste treff først.");
        List<Map<String, Object>> sections = new ArrayList<>();
        for (DigestSection s : digest.sections()) {
            List<Map<String, Object>> entries = new ArrayList<>();
            boolean divided = false;
            for (DigestEntry e : s.entries()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                if (!divided && digest.belowThreshold(e)) {
                    entry.put("divider", DigestText.divider(digest));
                    divided = true;
                }
                entry.put("title", e.item().title());
                entry.put("link", WebLinks.safe(e.item().url()).orElse(null));
                entry.put("date", DigestText.date(e));
                entry.put("source", e.source());
                entry.put("score", DigestText.score(e.score().value()));
                entry.put("hasMatched", !e.matched().isEmpty());
                entry.put("matched", String.join(", ", e.matched()));
                String summary = e.item().summary();
                entry.put("summary", summary == null || summary.isBlank() ? null : summary.strip());
                entries.add(entry);
            }
            sections.add(Map.of("title", s.title(), "entries", entries));
        }
        view.put("sections", sections);
        return Templates.render(template, view);
    }
}
