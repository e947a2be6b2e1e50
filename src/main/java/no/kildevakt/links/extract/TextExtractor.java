package no.kildevakt.links.extract;

import no.kildevakt.parse.CharsetSniffer;
import no.kildevakt.parse.DecodedText;

/**
 * URLs written out in a plain-text issue (the text version of a newsletter e-mail), one occurrence per
 * URL and line. Nothing marks links in plain text, so {@link TextUrls} decides where each ends.
 */
final class TextExtractor implements FormatExtractor {

    @Override
    public ExtractedDocument extract(Source source) {
        Occurrences out = new Occurrences(source.document());
        DecodedText decoded = CharsetSniffer.decode(source.content(), source.contentType());
        out.warnAll(decoded.warnings());
        String[] lines = decoded.text().split("\r\n|\r|\n", -1);
        String title = "";
        for (int i = 0; i < lines.length; i++) {
            if (title.isEmpty() && !lines[i].isBlank()) {
                title = lines[i];
            }
            for (TextUrls.Found found : TextUrls.find(lines[i])) {
                out.addBare(found.url(), "line " + (i + 1));
            }
        }
        return out.result(DocumentType.TEXT, title.length() > 120 ? "" : title);
    }
}
