package no.kildevakt.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import no.kildevakt.text.OneLine;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads feeds.yml into a validated {@link Config}. Every problem is reported as one
 * {@link ConfigException} naming the file, the line and the field, so {@code validate}
 * and a cron mail both point the editor at the exact place to fix:
 * {@code feeds.yml:14: sources[2].section: unknown section "nosrke" (known: verdt, norske, ...)}.
 *
 * <p>The file is hostile input as far as the loader is concerned (it may be edited by hand, copied
 * from a mail, or swapped): files over {@value #MAX_FILE_BYTES} bytes are refused unread, the
 * YAML is composed with the YAML 1.2 core schema and no object construction, and a cheap pass
 * over the parser events refuses deep nesting and alias bombs ("billion laughs") with a line
 * number before any tree is built.
 */
public final class ConfigLoader {
    /** The largest feeds.yml read (5 MB); a real one is a few kilobytes. */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    /** Aliases to lists or maps allowed in one file; enough to share a few blocks, far too few for a bomb. */
    static final int MAX_COLLECTION_ALIASES = 20;
    /** Nesting allowed; feeds.yml needs four levels, and the composer recurses once per level. */
    static final int MAX_DEPTH = 32;

    private final List<SourceType> types;

    /** A loader that accepts the built-in source types ({@link SourceType#BUILT_IN}). */
    public ConfigLoader() {
        this(SourceType.BUILT_IN);
    }

    /**
     * A loader that accepts the source types there are readers for: the reader registry hands its
     * types here, so a type added there is valid in feeds.yml without a change to the config.
     *
     * @param types the accepted types, in the order an "unknown type" message lists them
     */
    public ConfigLoader(Collection<SourceType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no source types");
        }
        this.types = List.copyOf(types);
    }

    /** Loads and validates a feeds.yml file. */
    public Config load(Path file) throws ConfigException {
        String name = file.toString();
        return parse(file, decode(read(file, name), name));
    }

    /**
     * Validates feeds.yml text that is already in memory. {@code file} is only used to name the
     * file in messages and in {@link Config#file()}.
     */
    public Config parse(Path file, String text) throws ConfigException {
        String name = file.toString();
        if (text.length() > MAX_FILE_BYTES) {
            throw cannotRead(name, "larger than 5 MB (" + text.length() + " characters)");
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setCodePointLimit((int) MAX_FILE_BYTES + 1)
                .setAllowRecursiveKeys(false)
                .build();
        Optional<Node> document;
        try {
            // one pass: the composer pulls its events through the bomb check, which refuses before
            // the composer builds (or recurses into) what it refuses
            Parser events = new BombCheck(new ParserImpl(settings, new StreamReader(settings, text)), name);
            document = new Composer(settings, events).getSingleNode();
        } catch (BombCheck.Refused e) {
            throw e.refusal;
        } catch (YamlEngineException e) {
            throw yamlError(e, name, text);
        }
        return new ConfigReader(file, types).read(document);
    }

    /**
     * The parser's events on their way to the composer (streamed, never expanded), checked for what
     * would make composing or walking the tree expensive: aliases to collections beyond a small
     * budget, and nesting deep enough to exhaust the composer's recursion.
     */
    private static final class BombCheck implements Parser {
        private final Parser events;
        private final String name;
        private final Set<String> collectionAnchors = new HashSet<>();
        private int depth;
        private int collectionAliases;

        BombCheck(Parser events, String name) {
            this.events = events;
            this.name = name;
        }

        /** Carries a refusal through the composer, whose callbacks cannot throw checked exceptions. */
        static final class Refused extends RuntimeException {
            final ConfigException refusal;

            Refused(ConfigException refusal) {
                super(refusal.getMessage(), null, false, false);
                this.refusal = refusal;
            }
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return events.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return events.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return events.hasNext();
        }

        @Override
        public Event next() {
            Event event = events.next();
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new Refused(new ConfigException(name + ":" + lineOf(event.getStartMark())
                                + ": YAML: nested more than " + MAX_DEPTH + " levels deep; refused"));
                    }
                    ((NodeEvent) event).getAnchor().ifPresent(a -> collectionAnchors.add(a.getValue()));
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Alias -> {
                    if (collectionAnchors.contains(((AliasEvent) event).getAlias().getValue())
                            && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                        throw new Refused(new ConfigException(name + ":" + lineOf(event.getStartMark())
                                + ": YAML: more than " + MAX_COLLECTION_ALIASES
                                + " aliases to lists or maps; refused as a likely YAML bomb (billion laughs)"));
                    }
                }
                default -> {
                    // scalars, documents and stream markers cost nothing
                }
            }
            return event;
        }
    }

    private static ConfigException yamlError(YamlEngineException e, String name, String text) {
        if (e instanceof MarkedYamlEngineException marked) {
            Optional<Mark> problemMark = marked.getProblemMark();
            Optional<Mark> contextMark = marked.getContextMark();
            int line = lineOf(problemMark.isPresent() ? problemMark : contextMark);
            String problem = OneLine.of(marked.getProblem());
            String context = OneLine.of(marked.getContext());
            if (!context.isEmpty()) {
                if (problem.startsWith("but ")) {
                    // "expected a single document in the stream" + "but found another document"
                    problem = context + ", " + problem;
                } else {
                    int contextLine = lineOf(contextMark);
                    problem = problem + " (" + context
                            + (contextMark.isPresent() && contextLine != line ? " at line " + contextLine : "") + ")";
                }
            }
            return new ConfigException(name + ":" + line + ": YAML syntax: " + problem, e);
        }
        if (e instanceof ReaderException reader) {
            return new ConfigException(name + ":" + lineAtCodePoint(text, reader.getPosition())
                    + ": YAML syntax: character " + String.format(Locale.ROOT, "U+%04X", reader.getCodePoint())
                    + " is not allowed in YAML", e);
        }
        return new ConfigException(name + ": YAML: " + OneLine.of(e.getMessage()), e);
    }

    private static byte[] read(Path file, String name) throws ConfigException {
        try {
            if (Files.isDirectory(file)) {
                throw cannotRead(name, "is a directory");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw cannotRead(name, "larger than 5 MB (" + size + " bytes)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // bounded even if the file grew since we looked
                byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    throw cannotRead(name, "larger than 5 MB");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw cannotRead(name, "no such file", e);
        } catch (AccessDeniedException e) {
            throw cannotRead(name, "permission denied", e);
        } catch (IOException e) {
            throw cannotRead(name, e.getMessage() == null ? e.getClass().getSimpleName() : OneLine.of(e.getMessage()), e);
        }
    }

    /** Strict UTF-8: a file saved as Latin-1 would otherwise turn "ø" into garbage in section titles. */
    private static String decode(byte[] bytes, String name) throws ConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ConfigException(name + ":" + line + ": encoding: not valid UTF-8; save the file as UTF-8");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static ConfigException cannotRead(String name, String reason) {
        return new ConfigException(name + ": cannot read: " + reason);
    }

    private static ConfigException cannotRead(String name, String reason, Throwable cause) {
        return new ConfigException(name + ": cannot read: " + reason, cause);
    }

    private static int lineOf(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(1);
    }

    private static int lineAtCodePoint(String text, int codePointIndex) {
        int line = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointIndex; i += Character.charCount(text.codePointAt(i)), seen++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
