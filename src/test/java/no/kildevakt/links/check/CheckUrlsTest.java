package no.kildevakt.links.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.kildevakt.SharedCorpora;
import org.junit.jupiter.api.Test;

/** {@link CheckUrls.Targets}, which parses each authority once, against {@link CheckUrls.Target#of}, which parses every URL whole. */
class CheckUrlsTest {

    @Test
    void theSameSpellingsAreTheSameTargets() {
        List<String> cited = List.of("https://www.regjeringen.no/no/aktuelt/id1/", "HTTPS://WWW.Regjeringen.no:443/no/aktuelt/id1/#x",
                "https://www.regjeringen.no", "https://www.regjeringen.no?q=1", "https://www.regjeringen.no#top",
                "http://bücher.example/a b", "  https://x.no/a\tb  ", "https://user:pw@x.no/a", "http:///x.no/a",
                "http://x.no//double", "http://x.no\\back\\slash", "http://x.no:99999/", "https://", "https:///", "http://[::1]:8080/a",
                "mailto:a@b.no", "ftp://x.no", "/relative", "", "http://x.no/%zz", "http://x.no/a/../b/./c");
        assertSameTargets(cited);
    }

    @Test
    void randomUrlsGiveTheSameTargets() {
        String[] heads = {"http://", "https://", "HTTP://", "hTTps://", "http:/", "http:", "https:\\\\"};
        String alphabet = "aZ0.-:@/\\?#%[]\t \u00e6\u00f8x\u00df\u00a0";
        Random random = new Random(29);
        List<String> cited = new ArrayList<>();
        for (int round = 0; round < 20_000; round++) {
            StringBuilder url = new StringBuilder(heads[random.nextInt(heads.length)]);
            if (random.nextBoolean()) {
                url.append(random.nextBoolean() ? "x.no" : "Www.Example.COM:8080");
            }
            for (int i = random.nextInt(10); i > 0; i--) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cited.add(url.toString());
        }
        assertSameTargets(cited);
    }

    /** Every link in the HTML of the shared corpora, parsed in one run as an issue's links are. */
    @Test
    void theCorpusLinksGiveTheSameTargets() throws IOException {
        Path corpora = SharedCorpora.path("readability");
        Pattern href = Pattern.compile("href=\"([^\"]{1,400})\"");
        List<String> cited = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpora)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".html"))::iterator) {
                Matcher m = href.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    cited.add(m.group(1));
                }
            }
        }
        assertEquals(true, cited.size() > 1000, cited.size() + " links");
        assertSameTargets(cited);
    }

    private static void assertSameTargets(List<String> cited) {
        CheckUrls.Targets targets = new CheckUrls.Targets();
        for (String url : cited) {
            assertEquals(CheckUrls.Target.of(url), targets.of(url), url);
        }
    }
}
