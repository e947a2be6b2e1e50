package no.kildevakt.digest;

import com.github.mustachejava.Mustache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft as one self-contained HTML page (inline styles, no scripts or external resources), to open
 * in a browser and copy into the newsletter tool with its formatting. Text is escaped by the template;
 * only http(s) URLs become "se her" links.
 */
public final class HtmlDraft implements DraftWriter {
    private final Mustache template = Templates.compile("draft.html.mustache");

    @Override
    public String write(Draft draft) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("heading", DraftWriter.heading(draft));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (DigestSection s : draft.items().sections()) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (DigestEntry e : s.entries()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("title", e.item().draftTitle());
                String lead = Sentences.lead(e.item().draftSummary());
                entry.put("lead", lead.isEmpty() ? null : lead);
                entry.put("date", DraftWriter.date(e));
                entry.put("link", WebLinks.safe(e.item().url()).orElse(null));
                entries.add(entry);
            }
            sections.add(Map.of("title", s.title(), "entries", entries));
        }
        view.put("sections", sections);
        return Templates.render(template, view);
    }
}
