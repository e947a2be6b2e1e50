package no.kildevakt.links.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Links of a Markdown issue, as a CommonMark renderer would make them: inline links, reference links
 * (reported where they are used, not where defined), autolinks ({@code <https://...>},
 * {@code <name@example.no>}), {@code <a href>} in raw HTML blocks and inline HTML, and bare URLs in the
 * text (which GitHub and most newsletter tools turn into links). Line numbers come from CommonMark's
 * source spans.
 *
 * <p>Bare URLs are found with {@link TextUrls} in text nodes, because {@code commonmark-ext-autolink}
 * is not on the classpath; the extension (autolink-java) would also find {@code www.} links glued to
 * punctuation the way GitHub does. URLs inside code spans and code blocks are not links and are
 * skipped; so are images (not links a reader follows) and unused reference definitions (not shown).
 * A YAML front matter block is read for its {@code title:} and otherwise ignored (CommonMark would make
 * it a heading).
 */
final class MarkdownExtractor implements FormatExtractor {
    private static final Pattern FRONT_MATTER =
            Pattern.compile("\\A---[ \\t]*\\R(.*?\\R)?---[ \\t]*(\\R|\\z)", Pattern.DOTALL);
    private static final Pattern FRONT_MATTER_TITLE =
            Pattern.compile("(?m)^title:[ \\t]*(?:\"(.*)\"|'(.*)'|(.*?))[ \\t]*$");
    private static final Pattern CLOSING_A = Pattern.compile("(?i)^</a\\s*>$");
    /** A link reference definition's label and the rest of its line: {@code [label]: destination}. */
    private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[((?:[^\\]\\\\]|\\\\.){1,999})]:[ \\t]*(.*)$");
    /** A bracketed label on one line, as reference links use them: {@code [text][label]}, {@code [label]}. */
    private static final Pattern LABEL = Pattern.compile("\\[((?:[^\\[\\]\\\\\\r\\n]|\\\\.){1,999})]");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    /** The characters CommonMark's inline parser keeps a record for (brackets, delimiters, HTML). */
    private static final String MARKUP = "[]<*_`~!";

    /**
     * How much Markdown is parsed in one go. CommonMark keeps the whole syntax tree of what it parses,
     * and a record for every bracket and emphasis delimiter until its paragraph ends: a 50 MB issue
     * parsed whole, or one paragraph of a million {@code [}, does not fit in a 256 MB heap. A document
     * within {@code wholeChars} and {@code markup} is parsed whole, exactly as CommonMark reads it;
     * a larger one is parsed in chunks of about {@code chunkChars}, cut only where a new top-level
     * block starts after a blank line (outside code fences), with reference definitions carried into
     * the chunks that use them. A single block larger than {@code blockChars}, or with more than
     * {@code markup} markup characters, is not parsed: its URLs are found by the plain-text scan,
     * with a warning.
     */
    record Budget(int wholeChars, int chunkChars, int blockChars, int markup) {
        static final Budget DEFAULT = new Budget(1 << 20, 64 * 1024, 1 << 20, 25_000);
    }

    private final Budget budget;

    /**
     * CommonMark's parser, made on the first Markdown file read rather than with the extractor, so a run
     * over other formats does not load it. It is thread-safe, so one serves every extractor.
     */
    private static final class Commonmark {
        static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    }

    MarkdownExtractor() {
        this(Budget.DEFAULT);
    }

    MarkdownExtractor(Budget budget) {
        this.budget = budget;
    }

    @Override
    public ExtractedDocument extract(Source source) {
        Occurrences out = new Occurrences(source.document());
        TextLines input = TextLines.decode(source, out);
        String head = input.head();
        String title = "";
        int from = 0;
        int fromLine = 0;
        Matcher frontMatter = FRONT_MATTER.matcher(head);
        if (frontMatter.find()) {
            Matcher t = FRONT_MATTER_TITLE.matcher(frontMatter.group(1) == null ? "" : frontMatter.group(1));
            if (t.find()) {
                title = t.group(1) != null ? t.group(1) : t.group(2) != null ? t.group(2) : t.group(3);
            }
            // read from after the block, counting its lines, so line numbers stay those of the file
            from = frontMatter.end();
            fromLine = LineIndex.of(frontMatter.group()).lineOf(from) - 1;
        }
        LinkVisitor visitor = new LinkVisitor(out, source.base(), source.entries());
        String text = input.text();
        if (text != null && text.length() - from <= budget.wholeChars() && markup(text, from, text.length()) <= budget.markup()) {
            visitor.parse(Commonmark.PARSER, text.substring(from), fromLine, Integer.MAX_VALUE);
        } else {
            new Chunks(input, visitor, out).read(fromLine);
        }
        // a first heading is the title only at level 1; a "## ..." first is a section or an item
        visitor.entries.ownTitle(title.isBlank() ? visitor.firstTitle : title);
        return out.result(DocumentType.MARKDOWN, title.isBlank() ? visitor.firstHeading : title, visitor.entries);
    }

    private static int markup(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (MARKUP.indexOf(text.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }

    /** CommonMark's label matching: case-insensitive, inner white space collapsed. */
    private static String normalizeLabel(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT);
    }

    /** A large document read block by block, line by line (see {@link Budget}). */
    private final class Chunks {
        private final TextLines input;
        private final LinkVisitor visitor;
        private final Occurrences out;
        /** Reference definitions by normalised label, each written out as one line: the first one wins. */
        private final Map<String, String> definitions = new HashMap<>();
        private final StringBuilder chunk = new StringBuilder();
        private int chunkLine;
        private int chunkLines;
        private int chunkMarkup;
        private final StringBuilder block = new StringBuilder();
        private int blockLine;
        private int blockLines;
        private int blockMarkup;
        private int blockLastText;
        /** The block in hand went over the budget: its lines are scanned as plain text as they come. */
        private boolean scanning;
        private int scanned;
        private String firstScanned;

        Chunks(TextLines input, LinkVisitor visitor, Occurrences out) {
            this.input = input;
            this.visitor = visitor;
            this.out = out;
        }

        void read(int fromLine) {
            collectDefinitions(fromLine);
            chunkLine = fromLine;
            blockLine = fromLine;
            String fence = null;
            boolean previousBlank = false;
            int number = 0;
            try (BufferedReader lines = input.open()) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (++number <= fromLine) {
                        continue; // front matter
                    }
                    boolean blank = line.isBlank();
                    // a line at the margin after a blank line starts a new top-level block: a cut there
                    // changes nothing; an indented one may continue a list item
                    if (fence == null && previousBlank && !blank && line.charAt(0) != ' ' && line.charAt(0) != '\t') {
                        endBlock();
                        blockLine = number - 1;
                    }
                    fence = fence(line, fence);
                    add(line, number, blank);
                    previousBlank = blank;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // read from memory: does not happen
            }
            endBlock();
            flush();
            if (scanned > 0) {
                out.warn(firstScanned + (scanned > 1 ? " (and " + (scanned - 1) + " more blocks)" : "")
                        + ": too large or too dense with markup for Markdown parsing; links there were found by a plain-text scan");
            }
        }

        private void add(String line, int number, boolean blank) {
            int markup = markup(line, 0, line.length());
            if (!scanning && (block.length() + line.length() > budget.blockChars() || blockMarkup + markup > budget.markup())) {
                flush();
                scanning = true;
                int n = blockLine;
                for (String held : block.toString().split("\n", -1)) {
                    if (n < blockLine + blockLines) {
                        TextExtractor.scanLine(held, ++n, out);
                    }
                }
                block.setLength(0);
            }
            if (scanning) {
                TextExtractor.scanLine(line, number, out);
            } else {
                block.append(line).append('\n');
                blockMarkup += markup;
            }
            blockLines++;
            if (!blank) {
                blockLastText = number;
            }
        }

        /** The block in hand is complete: it joins the chunk (which is parsed first when full), or was scanned. */
        private void endBlock() {
            if (scanning) {
                if (scanned++ == 0) {
                    firstScanned = blockLastText <= blockLine + 1 ? "line " + (blockLine + 1)
                            : "lines " + (blockLine + 1) + "-" + blockLastText;
                }
            } else if (blockLines > 0) {
                if (chunkLines > 0 && (chunkMarkup + blockMarkup > budget.markup()
                        || chunk.length() + block.length() > budget.chunkChars())) {
                    flush();
                }
                if (chunkLines == 0) {
                    chunkLine = blockLine;
                }
                chunk.append(block);
                chunkLines += blockLines;
                chunkMarkup += blockMarkup;
            }
            block.setLength(0);
            blockLines = 0;
            blockMarkup = 0;
            scanning = false;
        }

        private void flush() {
            if (chunkLines > 0) {
                String text = chunk.toString();
                visitor.parse(Commonmark.PARSER, text + usedDefinitions(text), chunkLine, chunkLines);
            }
            chunk.setLength(0);
            chunkLines = 0;
            chunkMarkup = 0;
        }

        /**
         * The definitions of labels {@code chunk} uses but does not define, as lines to append after
         * it: appended lines come after the chunk's own, so they move no line number, and a definition
         * shows nothing.
         */
        private String usedDefinitions(String chunk) {
            if (definitions.isEmpty()) {
                return "";
            }
            Map<String, String> used = new LinkedHashMap<>();
            Matcher m = LABEL.matcher(chunk);
            while (m.find()) {
                String key = normalizeLabel(m.group(1));
                String definition = definitions.get(key);
                if (definition != null) {
                    used.putIfAbsent(key, definition);
                }
            }
            return used.isEmpty() ? "" : "\n\n" + String.join("\n", used.values()) + "\n";
        }

        private void collectDefinitions(int fromLine) {
            String fence = null;
            String pending = null; // the label of a definition whose destination is on the next line
            int number = 0;
            try (BufferedReader lines = input.open()) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (++number <= fromLine) {
                        continue;
                    }
                    if (pending != null && !line.isBlank()) {
                        definitions.putIfAbsent(normalizeLabel(pending), "[" + pending + "]: " + line.strip());
                    }
                    pending = null;
                    if (fence == null && line.length() < 4000 && line.indexOf("]:") > 0) {
                        Matcher m = DEFINITION.matcher(line);
                        if (m.matches()) {
                            String destination = m.group(2).strip();
                            if (destination.isEmpty()) {
                                pending = m.group(1);
                            } else {
                                definitions.putIfAbsent(normalizeLabel(m.group(1)), "[" + m.group(1) + "]: " + destination);
                            }
                        }
                    }
                    fence = fence(line, fence);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The open code fence after {@code line} ({@code open}: the fence open before it, or null). */
    private static String fence(String line, String open) {
        Matcher m = FENCE.matcher(line);
        if (!m.find()) {
            return open;
        }
        String marker = m.group(1);
        if (open == null) {
            return marker;
        }
        boolean closes = marker.charAt(0) == open.charAt(0) && marker.length() >= open.length()
                && line.substring(m.end()).isBlank();
        return closes ? null : open;
    }

    /** 1-based line of a node's start, from its source span. */
    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (!spans.isEmpty()) {
            return spans.get(0).getLineIndex() + 1;
        }
        return node.getParent() == null ? 1 : line(node.getParent());
    }

    /** The text a reader sees in {@code node}: text and code literals, image alt text. */
    private static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak softLineBreak) {
                sb.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                sb.append(' ');
            }
        });
        return sb.toString();
    }

    private static final class LinkVisitor extends AbstractVisitor {
        private final Occurrences out;
        private final String base;
        private final Entries entries;
        private String firstHeading = "";
        /** The first heading, when it is a level-1 heading. */
        private String firstTitle = "";
        /** Lines before the text being parsed, and how many of its lines are the document's own. */
        private int lineOffset;
        private int ownLines = Integer.MAX_VALUE;

        LinkVisitor(Occurrences out, String base, Entries entries) {
            this.out = out;
            this.base = base;
            this.entries = entries;
        }

        /** Parses {@code markdown}, which starts after line {@code lineOffset}, and visits its first {@code ownLines} lines. */
        void parse(Parser parser, String markdown, int lineOffset, int ownLines) {
            this.lineOffset = lineOffset;
            this.ownLines = ownLines;
            parser.parse(markdown).accept(this);
        }

        /** The document's line of {@code node}, or empty for a definition appended after the text's own lines. */
        private String location(Node node) {
            int line = line(node);
            return line > ownLines ? null : "line " + (lineOffset + line);
        }

        @Override
        public void visit(Heading heading) {
            if (firstHeading.isEmpty()) {
                firstHeading = plainText(heading);
                firstTitle = heading.getLevel() == 1 ? firstHeading : "";
            }
            if (location(heading) != null) {
                entries.heading(plainText(heading));
            }
            visitChildren(heading);
        }

        /**
         * A paragraph is an entry's text; one that opens with a bold run ({@code **Kripos:** ...}, also
         * as a link's text) is an item with a lead-in, and one all in bold is a heading.
         */
        @Override
        public void visit(Paragraph paragraph) {
            if (location(paragraph) != null) {
                Node first = paragraph.getFirstChild();
                Node lead = first instanceof StrongEmphasis ? first
                        : first instanceof Link link && link.getFirstChild() instanceof StrongEmphasis
                                && link.getFirstChild().getNext() == null ? first : null;
                if (lead == null) {
                    entries.paragraph(plainText(paragraph));
                } else {
                    StringBuilder rest = new StringBuilder();
                    for (Node next = lead.getNext(); next != null; next = next.getNext()) {
                        rest.append(plainText(next));
                    }
                    if (rest.toString().replaceAll("[\\s\\p{P}]", "").isEmpty()) {
                        entries.heading(plainText(lead));
                    } else {
                        entries.leadIn(plainText(lead), rest.toString());
                    }
                }
            }
            visitChildren(paragraph);
        }

        @Override
        public void visit(Link link) {
            String location = location(link);
            if (location != null) {
                out.add(link.getDestination(), base, location, plainText(link));
            }
            // children are the link's text: a URL there is this link's label, not another link
        }

        @Override
        public void visit(Image image) {
            // an image is shown, not followed
        }

        @Override
        public void visit(Text text) {
            String location = location(text);
            if (location == null) {
                return;
            }
            for (TextUrls.Found found : TextUrls.find(text.getLiteral())) {
                out.addBare(found.url(), location);
            }
        }

        @Override
        public void visit(Code code) {
            // code is shown as written, not linked
        }

        @Override
        public void visit(FencedCodeBlock block) {
            // as for code spans
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            // as for code spans
        }

        @Override
        public void visit(HtmlBlock block) {
            if (location(block) != null) {
                HtmlExtractor.readEntries(
                        HtmlExtractor.collect(block.getLiteral(), base, lineOffset + line(block) - 1, out).body(), entries);
            }
        }

        @Override
        public void visit(HtmlInline html) {
            String location = location(html);
            Element anchor = location == null ? null
                    : Jsoup.parseBodyFragment(html.getLiteral()).selectFirst("a[href], area[href]");
            if (anchor == null) {
                return;
            }
            StringBuilder label = new StringBuilder();
            for (Node next = html.getNext(); next != null; next = next.getNext()) {
                if (next instanceof HtmlInline closing && CLOSING_A.matcher(closing.getLiteral().strip()).matches()) {
                    break;
                }
                label.append(plainText(next));
            }
            out.add(anchor.attr("href"), base, location, label.toString());
        }
    }
}
