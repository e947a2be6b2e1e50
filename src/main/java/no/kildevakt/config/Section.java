package no.kildevakt.config;

import java.util.List;

/**
 * A section of the newsletter ({@code verdt}, {@code norske}, {@code internasjonale},
 * {@code arrangementer}). Sources are filed under one; the digest and draft keep the
 * order in which sections are listed.
 *
 * @param events true for sections of coming events, whose items carry an event date
 * @param groups the order of the section's groups in the draft (sources' {@code group:}); groups not
 *               listed follow in the order feeds.yml first names them. The newsletter lists the
 *               international bodies in a fixed order (UNODC, OSSE, EMD, GRETA, Europol, EU,
 *               Østersjørådet, then the Nordic countries) whatever order the sources are kept in
 */
public record Section(String id, String title, boolean events, List<String> groups) {

    public Section {
        groups = List.copyOf(groups);
    }

    /** A section whose groups come in feeds.yml order. */
    public Section(String id, String title, boolean events) {
        this(id, title, events, List.of());
    }

    private static final List<Section> DEFAULTS = List.of(
            new Section("verdt", "Verdt å merke seg", false),
            new Section("norske", "Aktuelle norske tiltak, rapporter og forskning", false),
            new Section("internasjonale", "Aktuelle internasjonale tiltak, rapporter og forskning", false,
                    List.of("UNODC", "OSSE", "EMD", "GRETA", "Europol", "EU", "Østersjørådet", "Sverige", "Danmark", "Finland")),
            new Section("arrangementer", "Kommende arrangementer", true));

    /**
     * The four sections of the newsletter as it is published, in its order. A feeds.yml without a
     * {@code sections:} block gets these, so the common case needs no boilerplate.
     */
    public static List<Section> defaults() {
        return DEFAULTS;
    }
}
