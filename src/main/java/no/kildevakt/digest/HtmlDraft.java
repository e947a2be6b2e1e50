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
        for (Draft.DraftSection s : draft.sections()) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (Draft.DraftGroup g : s.groups()) {
                List<Map<String, Object>> entries = new ArrayList<>();
                for (Draft.DraftEntry e : g.entries()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("title", e.title());
                    entry.put("grouped", !g.title().isEmpty()); // under a group heading (h3) an entry is h4
                    String text = DraftWriter.beforeLink(e.text());
                    entry.put("text", text.isEmpty() ? null : text);
                    entry.put("link", WebLinks.safe(e.url()).orElse(null));
                    entries.add(entry);
                }
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("title", g.title().isEmpty() ? null : g.title());
                group.put("entries", entries);
                groups.add(group);
            }
            sections.add(Map.of("title", s.title(), "groups", groups));
        }
        view.put("sections", sections);
        return Templates.render(template, view);
    }
}
