package no.kildevakt.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.kildevakt.config.Config;
import no.kildevakt.config.ConfigLoader;
import no.kildevakt.config.Topic;
import no.kildevakt.store.ReviewStatus;
import no.kildevakt.store.StoredItem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The matching rules of the README's "Relevance" section, one test (or parameter) per rule and example. */
class TopicRankerTest {
    private static final TopicRanker DEFAULTS = TopicRanker.defaults();

    private static TopicRanker ranker(Topic... topics) {
        return new TopicRanker(List.of(topics), 1, Map.of());
    }

    private static Topic topic(String id, int weight, String... terms) {
        return new Topic(id, weight, List.of(terms), List.of());
    }

    /** The terms behind a score in the {@code topic:term} form {@code learn --explain} shows. */
    static List<String> technical(List<TopicMatch> matches) {
        return matches.stream().map(TopicMatch::technical).toList();
    }

    private static double score(TopicRanker ranker, String title) {
        return ranker.score(title, "", 1).value();
    }

    static StoredItem item(String source, List<String> sources, String title, String summary) {
        Instant t = Instant.parse("2026-01-10T10:00:00Z");
        return new StoredItem(1, "key", source, sources, "norske", title, "https://example.org/a", null, summary,
                t, null, null, t, t, ReviewStatus.NEW, null, null, null, null);
    }

    @Nested
    class Words {
        private final TopicRanker ranker = ranker(topic("t", 5, "menneskehandel", "forced labour"));

        @ParameterizedTest
        @ValueSource(strings = {"MENNESKEHANDEL i Norge", "Menneskehandel", "om menneskehandel."})
        void matchIgnoresCase(String title) {
            assertEquals(10, score(ranker, title));
        }

        @Test
        void wordMustBeWholeWhenShorterThanTheCompoundMinimum() {
            TopicRanker short_ = ranker(topic("t", 5, "arbeid"));
            assertEquals(10, score(short_, "Arbeid for alle"));
            assertEquals(0, score(short_, "Nordisk samarbeid om klima"));
        }

        @Test
        void inflectedFormsMatchThroughTheStemmer() {
            TopicRanker vold = ranker(topic("t", 5, "vold"));
            assertEquals(10, score(vold, "Volden mot eldre øker"));
            assertEquals(0, score(vold, "Voldgift i tariffoppgjøret"));
            TopicRanker victims = ranker(topic("t", 5, "victim"));
            assertEquals(10, score(victims, "Victims speak out"));
        }
    }

    @Nested
    class Compounds {
        @ParameterizedTest
        @ValueSource(strings = {"Nytt fra menneskehandelsfeltet", "Menneskehandelen i Norden", "Antimenneskehandelsarbeid"})
        void menneskehandelInsideCompounds(String title) {
            assertTrue(score(ranker(topic("t", 5, "menneskehandel")), title) > 0, title);
        }

        @Test
        void barnemishandling() {
            assertEquals(10, score(ranker(topic("t", 5, "mishandling")), "Tiltak mot barnemishandling"));
        }

        @Test
        void arbeidsinnvandring() {
            assertEquals(10, score(ranker(topic("t", 5, "innvandring")), "Ny rapport om arbeidsinnvandringen"));
        }

        @Test
        void tvangsarbeidet() {
            assertEquals(10, score(ranker(topic("t", 5, "tvangsarbeid")), "Tvangsarbeidet i fiskeindustrien"));
        }

        @Test
        void sevenLettersIsTheShortestTermFoundInsideAWord() {
            assertEquals(10, score(ranker(topic("t", 5, "sexkjøp")), "Evaluering av sexkjøpsloven"));
            assertEquals(0, score(ranker(topic("t", 5, "asylum")), "Asylumseekers"), "six letters: whole words only");
            assertEquals(10, score(ranker(topic("t", 5, "asylum")), "Asylum seekers"));
        }

        @Test
        void compoundPartsFromTheDefaultTopics() {
            for (String title : List.of("Menneskehandelsfeltet i endring", "Barnemishandling i Norge",
                    "Arbeidsinnvandring fra EØS", "Tvangsarbeidet i fiskeindustrien", "Menneskehandelen øker",
                    "Overgrepsmaterialet på nett", "Människohandeln ökar")) {
                assertTrue(DEFAULTS.score(title, "", 1).value() > 0, title);
            }
        }
    }

    @Nested
    class Diacritics {
        private final TopicRanker ranker = ranker(topic("t", 5, "menneskehandel", "människohandel", "æresrelatert"));

        @ParameterizedTest
        @ValueSource(strings = {"Människohandel i Sverige", "MÄNNISKOHANDEL", "manniskohandel", "Æresrelatert vold",
                "aeresrelatert vold", "Aeresrelatert vold"})
        void foldingMakesSpellingsMeet(String title) {
            assertEquals(10, score(ranker, title), title);
        }

        @Test
        void invisibleCharactersInsideWordsAreIgnored() {
            TopicRanker r = ranker(topic("t", 5, "menneskehandel"));
            assertEquals(10, score(r, "Menneske\u00ADhandel i Norge"), "soft hyphen");
            assertEquals(10, score(r, "Menneske\u200Dhandel"), "zero-width joiner");
        }

        @Test
        void otherAccentsAreDropped() {
            assertEquals(10, score(ranker(topic("t", 5, "réfugié")), "Refugie"));
            assertEquals(10, score(ranker(topic("t", 5, "refugie")), "RÉFUGIÉ"));
        }

        @Test
        void oAndAaFold() {
            TopicRanker r = ranker(topic("t", 5, "sexkjøp", "våld"));
            assertEquals(10, score(r, "Sexkjop og politiet"));
            assertEquals(10, score(r, "Vaald och brott"));
        }
    }

    @Nested
    class Wildcards {
        @Test
        void prefix() {
            TopicRanker r = ranker(topic("t", 5, "traffick*"));
            assertEquals(10, score(r, "Trafficked persons"));
            assertEquals(10, score(r, "Traffickers arrested"));
            assertEquals(0, score(r, "Traffic jams on E18"));
            assertEquals(0, score(r, "Trafikkulykke på E6"));
        }

        @Test
        void infixAndSuffix() {
            TopicRanker infix = ranker(topic("t", 5, "labo*r"));
            assertEquals(10, score(infix, "labour"));
            assertEquals(10, score(infix, "labor"));
            TopicRanker suffix = ranker(topic("t", 5, "*vold"));
            assertEquals(10, score(suffix, "Partnervold"));
            assertEquals(0, score(suffix, "Voldtekt"));
        }

        @Test
        void wildcardInsideAPhrase() {
            TopicRanker r = ranker(topic("t", 5, "kriminelle nettverk*"));
            assertEquals(10, score(r, "Kriminelle nettverkene rekrutterer"));
            assertEquals(0, score(r, "Nettverk av kriminelle"));
        }

        @Test
        void loneStarLeavesAGapOfOneWordInTheDefaultTopics() {
            assertTrue(DEFAULTS.score("Barn utnyttes i kriminalitet", "", 1).value() > 0);
            assertTrue(DEFAULTS.score("Unge utnyttet til kriminalitet", "", 1).value() > 0);
        }

        @Test
        void loneStarIsAnyOneWord() {
            TopicRanker r = ranker(topic("t", 5, "trafficking of * goods"));
            assertEquals(10, score(r, "Trafficking of cultural goods"));
            assertEquals(0, score(r, "Trafficking of goods"));
        }

        @Test
        void aTermOfOnlyStarsIsRefusedNamingTopicAndTerm() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ranker(topic("t", 5, "*")));
            assertEquals("topic t: term \"*\" has no words to match", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ranker(topic("t", 5, "--")));
        }
    }

    @Nested
    class Phrases {
        private final TopicRanker ranker = ranker(topic("t", 5, "forced labour", "\"vold i nære relasjoner\""));

        @ParameterizedTest
        @ValueSource(strings = {"Forced labour in Europe", "forced   labour", "forced-labour", "Forced\nLabour",
                "«Forced» labour", "Vold i nære relasjoner", "vold  i  nære, relasjoner"})
        void phraseWithFlexibleWhitespaceAndPunctuation(String title) {
            assertEquals(10, score(ranker, title), title);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Labour forced", "forced to leave the labour market", "vold i relasjoner"})
        void wordsApartOrOutOfOrderAreNoPhrase(String title) {
            assertEquals(0, score(ranker, title), title);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Vold i sine nære relasjoner", "vold i de nære relasjoner", "Vold i alle nære relasjoner", "forced – or – labour"})
        void upToTwoShortWordsMayStandBetweenThePhrasesWords(String title) {
            assertEquals(10, score(ranker, title), title);
        }

        @Test
        void shortWordsBetweenTheWordsOfADefaultTopicTerm() {
            // the children's topic (10 in a title: 20), not only the general one (6: 12)
            assertTrue(DEFAULTS.score("Seksuelle overgrep mot små barn", "", 1).value() > 20);
        }

        @ParameterizedTest
        @ValueSource(strings = {"vold i nære og kjære relasjoner", "forced to do so by labour", "Forced, unpaid labour",
                "vold i svært nære relasjoner"})
        void aLongWordOrMoreThanTwoWordsBetweenAreNoPhrase(String title) {
            assertEquals(0, score(ranker, title), title);
        }
    }

    @Nested
    class SwedishAndDanishInflections {
        @ParameterizedTest
        @ValueSource(strings = {"Køb af seksuel ydelse", "Mäns våld mot kvinnorna", "Våldtäkterna ökar",
                "Volden i nære relationerne"})
        void swedishAndDanishStemsMeetTheirTerms(String title) {
            TopicRanker r = ranker(topic("t", 5, "køb af seksuelle ydelser", "mäns våld mot kvinnor", "våldtäkt",
                    "vold i nære relationer"));
            assertEquals(10, score(r, title), title);
        }
    }

    @Nested
    class NegativeContexts {
        @ParameterizedTest
        @ValueSource(strings = {"Drug trafficking ring dismantled", "Arms trafficking in the Western Balkans",
                "Wildlife trafficking report", "Trafficking of cultural goods: new EU action plan",
                "Illicit trafficking in firearms", "Trafficking in illicit drugs rises", "cocaine and trafficking",
                "Arms and drug trafficking in the Sahel", "Drug traffickers jailed", "Ivory trafficked to Asia"})
        void trafficingNextToOtherGoodsDoesNotCount(String title) {
            assertEquals(0, DEFAULTS.score(title, "", 1).value(), title);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Politiet avslørte omfattende narkotikahandel", "Våpenhandel over grensen",
                "Narkotikasmugling i Oslo havn", "Smuggling of cigarettes and alcohol"})
        void otherTradeInScandinavianDoesNotCount(String title) {
            assertEquals(0, DEFAULTS.score(title, "", 1).value(), title);
        }

        @Test
        void gretaTheExpertGroupIsNotGretaThunberg() {
            assertEquals(0, DEFAULTS.score("Greta Thunberg arrested in Oslo", "", 1).value());
            assertTrue(DEFAULTS.score("GRETA publishes report on Norway", "", 1).value() > 0);
        }

        @Test
        void roadTrafficIsNotTrafficking() {
            assertEquals(0, DEFAULTS.score("Trafikksikkerhet: færre drept i trafikken", "Traffic accidents fell", 1).value());
        }

        @Test
        void negativeContextsOnlyGuardTheirOwnAmbiguousWords() {
            Score s = DEFAULTS.score("Ny strategi", "Menneskehandel er en av verdens største kriminelle industrier "
                    + "– sammen med narkotika- og våpenhandel.", 1);
            assertEquals(10, s.value(), "menneskehandel is not ambiguous, so narkotika nearby changes nothing");
        }

        @Test
        void aPhraseMatchIsKeptNextToANegativeWord() {
            Score s = DEFAULTS.score("Human trafficking and drug trafficking in the Baltic", "", 1);
            assertTrue(s.value() > 0);
            assertTrue(technical(DEFAULTS.explain("Human trafficking and drug trafficking in the Baltic", ""))
                    .contains("menneskehandel:human trafficking"));
        }

        @Test
        void theWindowIsThreeWords() {
            TopicRanker r = ranker(topic("t", 5, "trafficking"));
            assertEquals(0, score(r, "trafficking in small arms"), "three words after");
            assertEquals(10, score(r, "trafficking victims were found; police also seized arms"), "well outside");
            assertEquals(10, score(r, "drugs were seized, and one trafficking victim"), "four words before");
            assertEquals(0, score(r, "drugs were seized, trafficking"), "three words before");
        }

        @Test
        void topicExcludeCancelsNearbySingleWordMatches() {
            Topic barn = new Topic("barn", 5, List.of("overgrep"), List.of("krigsforbrytelser"));
            TopicRanker r = ranker(barn);
            assertEquals(0, score(r, "Overgrep og krigsforbrytelser i Ukraina"));
            assertEquals(10, score(r, "Overgrep mot barn på nett"));
        }

        @Test
        void excludeCancelsAPhraseOnlyWhenItOverlaps() {
            Topic t = new Topic("t", 5, List.of("human trafficking"), List.of("trafficking in drugs", "drug*"));
            TopicRanker r = ranker(t);
            assertEquals(10, score(r, "Human trafficking and drugs"));
            assertEquals(0, score(r, "Human trafficking in drugs"));
        }
    }

    @Nested
    class Scoring {
        private final TopicRanker ranker = new TopicRanker(List.of(topic("a", 10, "menneskehandel"),
                topic("b", 3, "migrasjon")), 6, Map.of("kripos", 2.0, "ssb", 0.5));

        @Test
        void titleCountsTwiceTheSummary() {
            assertEquals(20, ranker.score("Menneskehandel", "", 1).value());
            assertEquals(10, ranker.score("Rapport", "Om menneskehandel", 1).value());
            assertEquals(30, ranker.score("Menneskehandel", "Om menneskehandel", 1).value());
        }

        @Test
        void aTopicCountsOncePerFieldHoweverOftenItsTermsRepeat() {
            assertEquals(10, ranker.score("Rapport", "menneskehandel, menneskehandel og mer menneskehandel", 1).value());
        }

        @Test
        void topicsAddUpAndMatchedListsTheHeaviestFirst() {
            Score s = ranker.score("Migrasjon og menneskehandel", "", 1);
            assertEquals(26, s.value());
            assertEquals(List.of("a", "b"), s.matched(), "a topic without a name is shown by its id");
            assertEquals(List.of("a:menneskehandel", "b:migrasjon"), technical(ranker.explain("Migrasjon og menneskehandel", "")));
        }

        @Test
        void sourceWeightMultipliesAndTheLargestOfTheItemsSourcesCounts() {
            assertEquals(40, ranker.score(item("kripos", List.of("kripos"), "Menneskehandel", "")).value());
            assertEquals(10, ranker.score(item("ssb", List.of("ssb"), "Menneskehandel", "")).value());
            assertEquals(40, ranker.score(item("ssb", List.of("ssb", "kripos"), "Menneskehandel", "")).value());
            assertEquals(20, ranker.score(item("gone", List.of("gone"), "Menneskehandel", "")).value());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "Tvangsarbeid og menneske\u00ADhandelsfeltet i Norden", "Vold\n\nmot barn\r"})
        void scoreWithFormsIsTheScoreAndTheFormsOfTheJoinedText(String summary) {
            // the learned ranking takes both from one analysis instead of analysing the text twice
            for (String title : new String[] {"Menneskehandel i Kripos' rapport", "", "  ", "Människohandlarna dömdes"}) {
                StoredItem item = item("kripos", List.of("kripos"), title, summary);
                TopicRanker.Scored both = ranker.scoreWithForms(item);
                assertEquals(ranker.score(item), both.score(), title + " / " + summary);
                String joined = summary.isBlank() ? title : title + "\n" + summary;
                assertEquals(ranker.wordForms(joined), both.wordForms(), title + " / " + summary);
            }
            TopicRanker.Scored none = DEFAULTS.scoreWithForms(item(null, List.of(), null, null));
            assertEquals(Score.NONE, none.score());
            assertEquals(List.of(), none.wordForms());
        }

        @Test
        void aContextTopicAloneNeverReachesTheDefaultThreshold() {
            Score s = DEFAULTS.score("Flyktninger, asyl og migrasjon", "Migration, refugees and asylum", 1);
            assertTrue(s.value() > 0, "they do count");
            assertTrue(s.value() < DEFAULTS.threshold(), "but not enough: " + s);
            Score with = DEFAULTS.score("Flyktninger utsatt for menneskehandel", "", 1);
            assertEquals(22, with.value(), "context adds to a field topic");
            assertEquals(List.of("Menneskehandel", "Migrasjon"), with.matched());
            assertEquals(List.of("menneskehandel:menneskehandel", "migrasjon:flyktning*"),
                    technical(DEFAULTS.explain("Flyktninger utsatt for menneskehandel", "")));
        }

        @Test
        void aTermIsListedOnlyWhenItFoundWordsNoEarlierTermOfItsTopicFound() {
            assertEquals(List.of("menneskehandel:human trafficking", "menneskehandel:trafficking"),
                    technical(DEFAULTS.explain("Human trafficking", "Trafficking victims")),
                    "trafficking in the title is part of human trafficking; in the summary it stands alone");
        }

        @Test
        void aNegativeSourceWeightIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> ranker.score("Menneskehandel", "", -1));
            assertThrows(IllegalArgumentException.class, () -> ranker.score("Menneskehandel", "", Double.NaN));
            assertEquals(0, ranker.score("Menneskehandel", "", 0).value(), "weight 0 silences a source");
        }

        @Test
        void nothingMatchedIsZeroWithNoReasons() {
            assertEquals(Score.NONE, ranker.score(item("x", List.of("x"), "Statsbudsjettet 2026", null)));
            assertEquals(Score.NONE, ranker.score(item("x", List.of("x"), null, null)));
        }
    }

    @Nested
    class FromConfig {
        private static final String BASE = """
                sections:
                  - {id: norske, title: Norske}
                sources:
                  - {id: kripos, name: Kripos, url: "https://example.org/kripos", section: norske, weight: 2}
                  - {id: other, name: Other, url: "https://example.org/other", section: norske}
                """;

        private static Config parse(String yaml) throws Exception {
            return new ConfigLoader().parse(Path.of("feeds.yml"), yaml);
        }

        @Test
        void thresholdAndTopicsComeFromFeedsYml() throws Exception {
            Config config = parse("settings: {min_score: 12.5}\ntopics:\n  - {id: x, weight: 4, terms: [sexkjøp]}\n" + BASE);
            TopicRanker r = TopicRanker.of(config);
            assertEquals(12.5, r.threshold());
            assertEquals(16, r.score(item("kripos", List.of("kripos"), "Sexkjøp", "")).value());
            assertEquals(0, r.score(item("kripos", List.of("kripos"), "Menneskehandel", "")).value(),
                    "configured topics replace the defaults");
        }

        @Test
        void matchedNamesTheTopicAsFeedsYmlNamesIt() throws Exception {
            Config config = parse("topics:\n  - {id: sexkjop, name: Sexkjøp og prostitusjon, weight: 4, terms: [sexkjøp]}\n" + BASE);
            Score s = TopicRanker.of(config).score(item("other", List.of("other"), "Sexkjøpsloven evalueres", ""));
            assertEquals(List.of("Sexkjøp og prostitusjon"), s.matched());
        }

        @Test
        void defaultTopicsShowTheirNamesNotTheirTerms() {
            Score s = DEFAULTS.score("Barn utnyttes i kriminalitet", "", 1);
            assertEquals(List.of("Barn og unge i kriminalitet"), s.matched());
            List<TopicMatch> why = DEFAULTS.explain("Barn utnyttes i kriminalitet", "");
            assertEquals(new TopicMatch("barn-kriminalitet", "Barn og unge i kriminalitet", "utnytt* * kriminalitet",
                    TopicMatch.Field.TITLE, 16), why.get(0), "the technical term stays available");
            for (Topic t : DefaultTopics.topics()) {
                assertFalse(t.name().equals(t.id()), "every default topic has a name: " + t.id());
            }
        }

        @Test
        void defaultsWhenFeedsYmlHasNoTopicsOrThreshold() throws Exception {
            TopicRanker r = TopicRanker.of(parse(BASE));
            assertEquals(TopicRanker.DEFAULT_THRESHOLD, r.threshold());
            Score s = r.score(item("other", List.of("other"), "Menneskehandel i Norge", ""));
            assertTrue(s.value() >= r.threshold());
            assertEquals("Menneskehandel", s.matched().get(0));
        }

        @Test
        void theBundledTopicsHaveTheFeedsYmlShape() throws Exception {
            List<Topic> bundled = DefaultTopics.topics();
            assertTrue(bundled.size() >= 10);
            StringBuilder yaml = new StringBuilder("topics:\n");
            for (Topic t : bundled) {
                yaml.append("  - id: ").append(t.id()).append("\n    name: \"").append(t.name()).append("\"\n    weight: ").append(t.weight()).append("\n    terms:\n");
                t.terms().forEach(term -> yaml.append("      - \"").append(term.replace("\"", "\\\"")).append("\"\n"));
            }
            assertEquals(bundled, parse(yaml + BASE).topics(), "feeds.yml reads them back unchanged");
        }
    }

    @Nested
    class Defaults {
        @ParameterizedTest
        @ValueSource(strings = {"Æresrelaterede konflikter i Danmark", "Hedersrelaterat våld och förtryck",
                "Människohandeln i Sverige ökar", "Människohandlare dömda", "Tvångsarbetet i bärplockningen",
                "Arbetslivskriminaliteten ökar", "Seksuelt misbrug af børn på nettet", "Menneskehandlerne ble dømt",
                "Arbeidsinnvandrarar i fiskeindustrien", "Overgrepssakene hoper seg opp", "Voldtektene øker",
                "Radikaliseringen av unge", "Partnervolden øker", "Anti-trafficking day", "Gjengkriminaliteten i Oslo",
                "Sexkjøpsloven evalueres", "Tvangsekteskapene øker", "Vald i nære relasjonar", "Trafficked women",
                "Domestic servitude", "Sextortion cases rise"})
        void inflectedAndCompoundFormsInEveryLanguage(String title) {
            assertTrue(DEFAULTS.score(title, "", 1).value() >= DEFAULTS.threshold(), title);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ny handlingsplan mot seksuell trakassering", "Meld. St. om likestilling mellom kjønnene",
                "Sexual harassment in the workplace: new guidance", "Jämställdhetspolitiken ska stärkas", "Ny strategi for ligestilling",
                "Partnerdrapsutvalget legger fram sin utredning", "Femicide in the Nordic countries", "Kvindedrab i Danmark",
                "NOU om straffereaksjoner for unge", "Age of criminal responsibility debated", "Ungdomskriminalitetsnævnet evalueres",
                "Fornærmede skal varsles om løslatelse", "Underretning til fornærmede ved permisjon", "Målsägandebiträde för barn",
                "Flere bostedsløse i Oslo", "Tjenester til personer uten fast bopel", "Hemlösheten ökar", "Hjemløse unge i København",
                "Barn og medier 2026: skjermbruk blant niåringer", "Skjermtid og søvn", "Online safety for children",
                "Livestreamed abuse of children in the Philippines", "Digital vold mod børn", "Aldersgrense for sosiale medier",
                "Norges rapport til FNs barnekomité", "Supplerende rapport til barnekonvensjonen", "Barnkonventionen som lag",
                "Ny rapport fra Norsk senter for menneskerettigheter", "Human rights research on border control",
                "Politiets trusselvurdering 2026", "PST: Åpen trusselvurdering", "Europol SOCTA: organised crime in the EU",
                "Hotbild mot Sverige", "Terrorangrepet i Oslo: ny rapport", "Radicalisation online among teenagers",
                "Au pair-ordningen strammes inn", "Posted workers in construction", "Enslige mindreårige asylsøkere forsvinner"})
        void defaultTopicsCoverTheNewslettersWholeField(String title) {
            assertTrue(DEFAULTS.score(title, "", 1).value() >= DEFAULTS.threshold(), title);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Statsbudsjettet for 2026", "Regjeringen legger fram revidert nasjonalbudsjett",
                "Trafikksikkerhet: færre drept i trafikken", "Drug trafficking ring dismantled", "Wildlife trafficking report",
                "Arms trafficking in the Western Balkans", "Nye regler for politiets bruk av droner", "Renteheving fra Norges Bank",
                "Ny vei over fjellet åpnet", "Kripos: rekordmange saker om hvitvasking"})
        void theHardNegativesStayBelowTheThreshold(String title) {
            assertTrue(DEFAULTS.score(title, "", 1).value() < DEFAULTS.threshold(), title);
        }

        @Test
        void aNegativeThresholdIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> new TopicRanker(List.of(), -1, Map.of()));
        }

        @Test
        void defaultTopicsCoverTheFieldInEveryLanguage() {
            List<String> field = List.of("Menneskehandel", "Människohandel", "Human trafficking", "Tvangsarbeid",
                    "Forced labour", "Tvångsarbete", "Arbeidslivskriminalitet", "Sosial dumping", "Overgrepsmateriale",
                    "Grooming på nett", "CSAM", "Prostitusjon", "Vold i nære relasjoner", "Vald i nære relasjonar",
                    "Partnervold", "Negativ sosial kontroll", "Hedersrelaterat våld", "Barn utnyttet til kriminalitet",
                    "Criminal exploitation of children", "Radikalisering", "Violent extremism", "Victims' rights",
                    "ECHR Article 4", "Arbeidsinnvandring", "Labour migration", "Menneskesmugling");
            for (String title : field) {
                assertTrue(DEFAULTS.score(title, "", 1).value() >= DEFAULTS.threshold(), title);
            }
            assertFalse(DEFAULTS.score("Statsbudsjettet for 2026", "", 1).value() > 0);
        }
    }
}
