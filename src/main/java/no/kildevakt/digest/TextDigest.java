package no.kildevakt.digest;

/**
 * The digest as plain text: the mail's text part, for clients that show no HTML and for filters and
 * archives that index text. Nothing is interpreted in plain text, so nothing needs escaping; only
 * http(s) links are shown.
 */
public final class TextDigest implements DigestWriter {
    @Override
    public String write(Digest digest) {
        StringBuilder text = new StringBuilder();
        text.append(DigestText.heading(digest)).append("\n");
        if (digest.isEmpty()) {
            text.append("\nIngen nye saker i perioden.\n");
        }
        for (DigestSection section : digest.sections()) {
            text.append("\n").append(section.title().toUpperCase(java.util.Locale.ROOT)).append("\n");
            for (DigestEntry e : section.entries()) {
                text.append("\n* ").append(oneLine(e.item().title())).append("\n");
                text.append("  ").append(DigestText.date(e)).append(" · ").append(oneLine(e.source()))
                        .append(" · ").append(DigestText.why(e)).append("\n");
                String summary = oneLine(e.item().summary());
                if (!summary.isEmpty()) {
                    text.append("  ").append(summary).append("\n");
                }
                WebLinks.safe(e.item().url()).ifPresent(u -> text.append("  ").append(u).append("\n"));
            }
        }
        return text.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
