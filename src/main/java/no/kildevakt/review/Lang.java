package no.kildevakt.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import no.kildevakt.digest.NorwegianDates;

/**
 * The page's language: its labels (from {@code labels_<code>.properties}, UTF-8) and its date form.
 * The editors are Norwegian, so bokmål is the default and English the alternative; dates read as
 * people write them in each ({@code 6. desember 2024}, {@code 6 December 2024}).
 */
public enum Lang {
    /** Dates by the digest's own month names, so the page and the mailed digest write a date alike. */
    NB("nb", Locale.forLanguageTag("nb-NO"), NorwegianDates::day),
    EN("en", Locale.UK, DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)::format);

    private final String code;
    private final Locale locale;
    private final Function<LocalDate, String> dates;
    private final Map<String, String> labels;

    Lang(String code, Locale locale, Function<LocalDate, String> dates) {
        this.code = code;
        this.locale = locale;
        this.dates = dates;
        this.labels = load(code);
    }

    private static Map<String, String> load(String code) {
        String name = "labels_" + code + ".properties";
        try (InputStream in = Lang.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new HashMap<>();
            p.forEach((k, v) -> map.put((String) k, (String) v));
            return Collections.unmodifiableMap(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code nb} or {@code en}; the HTML {@code lang} attribute. */
    public String code() {
        return code;
    }

    /** The language for a {@code --lang} value. */
    public static Lang of(String code) {
        for (Lang l : values()) {
            if (l.code.equalsIgnoreCase(code.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language \"" + code + "\"; use nb or en");
    }

    /** Every label, for templates ({@code {{t.accept}}}). */
    public Map<String, String> labels() {
        return labels;
    }

    /** One label; a missing key is a bug, so it fails loudly in tests rather than showing blank. */
    public String label(String key) {
        String value = labels.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no label " + key + " in " + code);
        }
        return value;
    }

    /** A label with {@code {0}}-style arguments filled in. */
    public String format(String key, Object... args) {
        return new MessageFormat(label(key).replace("'", "''"), locale).format(args);
    }

    /** A date as the editors write it: {@code 6. desember 2024}. */
    public String date(LocalDate date) {
        return dates.apply(date);
    }
}
