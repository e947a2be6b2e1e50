package no.kildevakt.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kildevakt.date.DateText;
import no.kildevakt.date.PageDate;

/**
 * The text the newsletter prints for an entry, suggested in its own style: who published what and when
 * ("Kripos publiserte i oktober rapporten «…»", "EMD avsa i oktober dom i saken «…»"), then the opening of
 * the summary, and for a hearing its deadline ("Høringsfrist er 1. mars 2025."); an event says when and,
 * where the text names it plainly, where it is held ("«…» arrangeres 20. april 2025 i Oslo."). Titles in
 * English, Swedish or Danish get the same Norwegian frame. The editors' own text always replaces the
 * suggestion; the crawled summary stays one click away on the page. The link ("se her") is added by the
 * writers, so the same text serves every format.
 *
 * <p>Everything here is read from the item's title, summary and source name with fixed rules, so the same
 * item always gets the same suggestion; nothing is guessed that the text does not say.
 */
public final class HouseStyle {
    private HouseStyle() {}

    /** Source names (before their dash) the newsletter writes otherwise. */
    private static final Map<String, String> SHORT_NAMES = Map.of(
            "OSCE", "OSSE",
            "CBSS", "Østersjørådet",
            "Council of Europe", "Europarådet",
            "European Commission", "Europakommisjonen");

    /** A ministry named in a text: "Justis- og beredskapsdepartementet", "Kunnskapsdepartementet". */
    private static final Pattern MINISTRY = Pattern.compile(
            "\\b(\\p{Lu}\\p{L}*-\\s+og\\s+\\p{L}+departementet|\\p{Lu}\\p{L}*departementet)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Who published a source's items, from its name in feeds.yml: the part before the first dash
     * ("Justis- og beredskapsdepartementet – kalender" → "Justis- og beredskapsdepartementet"), with the
     * newsletter's own name where it has one ("OSCE" → "OSSE", "CBSS" → "Østersjørådet").
     */
    public static String publisher(String sourceName) {
        if (sourceName == null) {
            return "";
        }
        String name = sourceName.strip();
        int dash = name.indexOf(" – ");
        if (dash < 0) {
            dash = name.indexOf(" - ");
        }
        String before = (dash > 0 ? name.substring(0, dash) : name).strip();
        return SHORT_NAMES.getOrDefault(before, before);
    }

    /**
     * Who published this item: {@link #publisher(String)}, made exact where the item says so — Politiet's
     * items that name Kripos are Kripos's, the Council of Europe's that name GRETA are GRETA's, and
     * Regjeringen's that name a ministry are that ministry's (regjeringen.no's feed names it in the summary).
     */
    public static String publisher(String sourceName, String title, String summary) {
        String general = publisher(sourceName);
        String text = (title == null ? "" : title) + "\n" + (summary == null ? "" : summary);
        switch (general) {
            case "Politiet" -> {
                if (Pattern.compile("\\bKripos\\b").matcher(text).find()) {
                    return "Kripos";
                }
            }
            case "Europarådet" -> {
                if (Pattern.compile("\\bGRETA\\b").matcher(text).find()) {
                    return "GRETA";
                }
            }
            case "Regjeringen" -> {
                Matcher m = MINISTRY.matcher(text);
                if (m.find()) {
                    return m.group(1).replaceAll("\\s+", " ");
                }
            }
            default -> {
                // the source's own name is already exact
            }
        }
        return general;
    }

    /** The suggested paragraph for a crawled item. */
    public static String suggest(DigestEntry e, String publisher) {
        String title = e.item().draftTitle() == null ? "" : e.item().draftTitle().strip();
        String summary = e.item().summary() == null ? "" : e.item().summary();
        String who = publisher == null || publisher.isEmpty() ? "" : publisher(e.source(), title, summary);
        StringBuilder text = new StringBuilder();
        Optional<LocalDate> deadline = Optional.empty();
        if (e.item().eventDate() != null) {
            text.append("«").append(title).append("» arrangeres ").append(NorwegianDates.day(e.item().eventDate()));
            place(title + "\n" + summary).ifPresent(p -> text.append(' ').append(p));
            text.append('.');
        } else {
            Kind kind = kind(title, summary, e.source());
            String month = NorwegianDates.monthName(e.day());
            if (kind == Kind.HEARING || kind == Kind.HEARING_NOTE) {
                // the deadline is said once, in the newsletter's words, so its line leaves the summary
                Optional<Deadline> inSummary = findDeadline(summary, e.day());
                deadline = inSummary.map(Deadline::day).or(() -> findDeadline(title, e.day()).map(Deadline::day));
                if (inSummary.isPresent()) {
                    summary = summary.substring(0, inSummary.get().start()) + " " + summary.substring(inSummary.get().end());
                }
            }
            if (who.isEmpty()) {
                text.append("«").append(title).append("».");
            } else if (kind == Kind.JUDGMENT || kind == Kind.DECISION) {
                text.append(who).append(kind == Kind.JUDGMENT ? " avsa i " + month + " dom i saken «" : " traff i " + month + " en avgjørelse i saken «")
                        .append(caseName(title)).append('»');
                Matcher application = APPLICATION.matcher(summary);
                if (application.find()) {
                    text.append(" (").append(application.group(1)).append(')');
                    // HUDOC's summary is its metadata ("41645/23 - Chamber Judgment"), not prose for the newsletter
                    summary = application.replaceFirst("").replaceAll("(?i)\\b(?:grand\\s+)?(?:chamber|committee)\\s+(?:judgment|decision)\\b", "");
                }
                text.append('.');
            } else {
                text.append(who).append(" publiserte i ").append(month).append(' ').append(kind.noun.isEmpty() ? "" : kind.noun + " ")
                        .append("«").append(title).append("».");
            }
        }
        String lead = Sentences.lead(FIELD_LINE.matcher(summary).replaceAll("").replaceAll("^[\\s\\p{Punct}–]+$", ""), 2, 300);
        if (!lead.isEmpty()) {
            text.append(' ').append(lead);
        }
        deadline.ifPresent(d -> text.append(" Høringsfrist er ").append(NorwegianDates.day(d)).append('.'));
        return text.toString();
    }

    /**
     * A listing's field line, "Status: På høring", "Sted: Bergen": a label of one to three words, a colon and
     * a value that is no sentence. Said in the frame or not at all, never as the entry's prose.
     */
    private static final Pattern FIELD_LINE = Pattern.compile("(?m)^[ \\t]*\\p{L}+(?:[ \\t]\\p{L}+){0,2}[ \\t]*:[^\\n.!?]*$",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** An application number as HUDOC writes it, "41645/23". */
    private static final Pattern APPLICATION = Pattern.compile("(?<![\\d/])(\\d{1,6}/\\d{2})(?![\\d/])\\s*-?\\s*");

    // ------------------------------------------------------------------ the kind of publication

    /**
     * Kinds of publication and the Norwegian noun the newsletter uses for each, with the words (Norwegian,
     * Swedish, Danish, English) that name them in a title. A Norwegian compound counts ("Tilstandsrapport",
     * "årsrapport"), a derivation does not ("rapportering").
     */
    enum Kind {
        JUDGMENT(""),
        DECISION(""),
        PROPOSITION("proposisjonen", "\\bprop\\.\\s*\\d+\\s*(?:l|s|ls)\\b"),
        WHITE_PAPER("stortingsmeldingen", "\\bmeld\\.\\s*st\\.", "stortingsmelding"),
        NOU("utredningen", "\\bnou\\s+\\d{4}\\s*:\\s*\\d+", "^nou\\b"),
        RECOMMENDATION("innstillingen", "\\binnst\\.\\s*\\d+"),
        LAW_DECISION("lovvedtaket", "\\blovvedtak\\b"),
        HEARING_NOTE("høringsnotatet", "høringsnotat", "høyringsnotat"),
        HEARING("høringen", "^(?:ny\\s+)?h[øo]y?ring\\b", "^h[øo]y?ring\\s*[-–:]", "\\bpå\\s+h[øo]y?ring\\b", "\\bhøring\\s+(?:av|om)\\b",
                "\\bhøyring\\s+(?:av|om)\\b",
                "[-–:]\\s*h[øo]y?ring\\s*$"),
        ACTION_PLAN("handlingsplanen", "handlingsplan(?:en|er)?\\b", "\\baction\\s+plan\\b", "\\bhandlingsplan"),
        STRATEGY("strategien", "\\bstrateg(?:i|ien|y)\\b", "\\p{L}+strategi(?:en)?\\b"),
        GUIDE("veilederen", "veileder\\b", "veiledning\\b", "vägledning\\b", "vejledning\\b", "\\bguidelines?\\b",
                "\\bguidance\\b", "\\bguide\\b", "\\bhandbook\\b", "håndbok"),
        EVALUATION("evalueringen", "\\bevaluering(?:en)?\\b", "\\butvärdering(?:en)?\\b", "\\bevaluation\\b"),
        SURVEY("undersøkelsen", "undersøkelse(?:n)?\\b", "undersøgelse(?:n)?\\b", "\\bsurvey\\b"),
        MAPPING("kartleggingen", "\\bkartlegging(?:en)?\\b", "\\bkartläggning(?:en)?\\b", "\\bmapping\\b"),
        STUDY("studien", "\\bstudie(?:n)?\\b", "\\bstudy\\b"),
        REPORT("rapporten", "rapport(?:en|er|erna|ene)?\\b", "\\breport\\b"),
        PRESS_RELEASE("pressemeldingen", "pressemelding(?:en)?\\b", "\\bpress\\s+release\\b"),
        NEWSLETTER("nyhetsbrevet", "nyhetsbrev(?:et)?\\b", "\\bnewsletter\\b"),
        NONE("");

        final String noun;
        final List<Pattern> words;

        Kind(String noun, String... words) {
            this.noun = noun;
            this.words = java.util.Arrays.stream(words)
                    .map(w -> Pattern.compile(w, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS)).toList();
        }

        /** Where in {@code title} this kind is first named, as the start of the word naming it; -1 for nowhere. */
        int firstIn(String title) {
            int first = -1;
            for (Pattern p : words) {
                Matcher m = p.matcher(title);
                if (m.find()) {
                    int at = wordStart(title, m.start());
                    if (first < 0 || at < first) {
                        first = at;
                    }
                }
            }
            return first;
        }
    }

    /**
     * The kind of publication an item is. A court's judgments and decisions are told by their source and
     * summary (HUDOC: "41645/23 - Chamber Judgment"); the official series (Prop., Meld. St., NOU, Innst.)
     * by their numbering anywhere in the title; otherwise the kind the title names first (its head noun:
     * "Evaluering av handlingsplanen" is an evaluation); a hearings source makes an untold item a hearing.
     */
    static Kind kind(String title, String summary, String sourceName) {
        String t = title == null ? "" : title.strip();
        String s = summary == null ? "" : summary;
        String source = sourceName == null ? "" : sourceName.toLowerCase(Locale.ROOT);
        String lowerT = t.toLowerCase(Locale.ROOT);
        boolean press = source.contains("pressemelding") || source.contains("press release") || source.contains("press corner");
        boolean court = (source.startsWith("emd") || source.contains("echr") || source.contains("hudoc")) && !press;
        if (court || lowerT.startsWith("case of ") || lowerT.startsWith("affaire ")) {
            String both = (t + " " + s).toLowerCase(Locale.ROOT);
            if (both.contains("judgment") || both.contains("arrêt") || both.contains("dom ")) {
                return Kind.JUDGMENT;
            }
            if (both.contains("decision") || both.contains("décision") || both.contains("avgjørelse")) {
                return Kind.DECISION;
            }
        }
        for (Kind series : List.of(Kind.PROPOSITION, Kind.WHITE_PAPER, Kind.NOU, Kind.RECOMMENDATION, Kind.LAW_DECISION,
                Kind.HEARING_NOTE, Kind.HEARING)) {
            if (series.firstIn(t) >= 0) {
                return series;
            }
        }
        Kind best = Kind.NONE;
        int at = Integer.MAX_VALUE;
        for (Kind k : Kind.values()) {
            int i = k.words.isEmpty() ? -1 : k.firstIn(t);
            if (i >= 0 && i < at) {
                best = k;
                at = i;
            }
        }
        if (best == Kind.NONE && (source.contains("høring") || source.contains("hoyring") || source.contains("høyring"))) {
            return Kind.HEARING;
        }
        if (best == Kind.NONE && press) {
            return Kind.PRESS_RELEASE;
        }
        return best;
    }

    /** "rapporten ", "høringen " …: the noun for the kind of publication the title names, or "" when it names none. */
    static String kind(String title) {
        Kind k = kind(title, "", "");
        return k.noun.isEmpty() ? "" : k.noun + " ";
    }

    private static int wordStart(String text, int index) {
        int i = index;
        while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** HUDOC's "CASE OF H.D. v. ITALY" as the newsletter names the case: "H.D. v. ITALY". */
    private static String caseName(String title) {
        return title.replaceFirst("(?i)^(?:case\\s+of|affaire)\\s+", "").strip();
    }

    // ------------------------------------------------------------------ hearing deadline

    /** The words that introduce a hearing's deadline, in the forms regjeringen.no and the departments write them. */
    private static final Pattern DEADLINE = Pattern.compile(
            "(?:høringsfrist(?:en)?|høyringsfrist(?:a|en)?|svarfrist(?:en)?|frist\\s+for\\s+(?:å\\s+svare|innspill|høringssvar|uttalelse)"
                    + "|frist\\s+for\\s+å\\s+sende\\s+(?:inn\\s+)?(?:høringssvar|innspill))"
                    + "(?:\\s+(?:er|var|er\\s+satt\\s+til|settes\\s+til))?\\s*:?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A deadline is written right after its words: the date must come within this many characters. */
    private static final int DEADLINE_REACH = 40;
    /** Where the deadline's words stop: a new sentence, line or field. */
    private static final Pattern CLAUSE_END = Pattern.compile("[\\n|;]|\\.\\s+\\p{Lu}");

    /**
     * A hearing's deadline as its text writes it ("Høringsfrist: 01.03.2025", "høringsfrist 1. mars 2025",
     * "Frist for å svare: …"), read by the project's date parser; a year-less date is put in the year nearest
     * {@code published}. Empty when the text states none.
     */
    static Optional<LocalDate> deadline(String text, LocalDate published) {
        return findDeadline(text, published).map(Deadline::day);
    }

    /** A deadline and where its words and date stand in the text. */
    private record Deadline(LocalDate day, int start, int end) {}

    private static Optional<Deadline> findDeadline(String text, LocalDate published) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = DEADLINE.matcher(text);
        while (m.find()) {
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + DEADLINE_REACH));
            Matcher end = CLAUSE_END.matcher(after);
            if (end.find()) {
                after = after.substring(0, end.start() + (after.charAt(end.start()) == '.' ? 1 : 0));
            }
            Optional<PageDate> date = DateText.parse(after, published == null ? LocalDate.of(2000, 1, 1) : published);
            if (date.isPresent()) {
                return Optional.of(new Deadline(date.get().start(), m.start(), m.end() + after.length()));
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ an event's place

    /**
     * Places an event's text may name with "i"/"in" that are surely places (a capitalised word alone may be a
     * body or a month), each with the name the newsletter writes.
     */
    private static final Map<String, String> PLACES = placeNames();
    private static final String PLACE_ALTERNATION = PLACES.keySet().stream().sorted(java.util.Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).collect(java.util.stream.Collectors.joining("|"));
    private static final Pattern NAMED_PLACE = Pattern.compile("\\b(?:i|in)\\s+(" + PLACE_ALTERNATION + ")(?![\\p{L}\\d])",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ANY_PLACE = Pattern.compile("(?<![\\p{L}\\d])(" + PLACE_ALTERNATION + ")(?![\\p{L}\\d])",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** A place field, "Sted: Bergen", "Sted: Fafo, Borggata 2B, Oslo", up to the end of its line or sentence. */
    private static final Pattern PLACE_FIELD = Pattern.compile("\\b(?i:sted|stad|plats|location|venue)\\s*:\\s*([^\\n|;]+?)(?=\\.\\s|\\.?$|[\\n|;])",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE);
    private static final Pattern ONLINE = Pattern.compile("(?i)^(?:digitalt|digital|online|nett|på nett|zoom|teams|webinar)\\b");
    /** A field's first part that reads as a place's name: one to three capitalised words. */
    private static final Pattern PLACE_NAME = Pattern.compile("\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static Map<String, String> placeNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String same : List.of("Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Kristiansand", "Drammen", "Bodø",
                "Fredrikstad", "Lillehammer", "Hamar", "Ålesund", "Tønsberg", "Sandnes", "Gjøvik", "Molde", "Harstad", "Alta",
                "Kirkenes", "Sarpsborg", "Skien", "Arendal", "Haugesund", "Larvik", "Halden", "Steinkjer", "Stockholm", "Göteborg",
                "Malmö", "København", "Helsingfors", "Helsinki", "Reykjavik", "Tallinn", "Riga", "Vilnius", "Wien", "Strasbourg",
                "Brussel", "Genève", "Haag", "Berlin", "Warszawa", "Paris", "London", "New York", "Roma")) {
            names.put(same, same);
        }
        names.putAll(Map.of("Vienna", "Wien", "Brussels", "Brussel", "Geneva", "Genève", "The Hague", "Haag", "Warsaw", "Warszawa",
                "Rome", "Roma", "Copenhagen", "København", "Gothenburg", "Göteborg"));
        return Map.copyOf(names);
    }

    /** Where an event is held, as "i Oslo" or "digitalt", when its text says so plainly; empty otherwise. */
    static Optional<String> place(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher field = PLACE_FIELD.matcher(text);
        if (field.find()) {
            String value = field.group(1).strip();
            if (ONLINE.matcher(value).find()) {
                return Optional.of("digitalt");
            }
            Matcher city = ANY_PLACE.matcher(value);
            if (city.find()) {
                return Optional.of("i " + PLACES.get(city.group(1)));
            }
            String first = value.split(",", 2)[0].strip();
            if (PLACE_NAME.matcher(first).matches()) {
                return Optional.of("i " + first);
            }
        }
        Matcher named = NAMED_PLACE.matcher(text);
        if (named.find()) {
            return Optional.of("i " + PLACES.get(named.group(1)));
        }
        return Optional.empty();
    }
}
