package no.kildevakt.links.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds every link in published newsletter issues (PDF, HTML, Markdown, DOCX, plain text) with where it
 * occurs, as input for the dead-link checker. It never touches the network: an issue given by URL is
 * fetched by the caller and handed in as bytes with its Content-Type.
 *
 * <p>A bad document (corrupt, encrypted, empty, too large, an unsupported format) gives an
 * {@link ExtractedDocument} with a warning instead of an exception, so one bad file never stops the
 * rest of a folder or a run. Every link is returned, {@code mailto:} and the like too, so the checker
 * can list them as skipped; {@link #classifyScheme(String)} tells which ones it may fetch.
 *
 * <p>Immutable and thread-safe.
 */
public final class LinkExtractor {
    /** Files larger than this are not read by {@link #extractPath(Path)}: 50 MB. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    /** At most this many issue files are read from one folder: 1,000 (see {@link TooManyFilesException}). */
    public static final int DEFAULT_MAX_FILES = 1000;

    /** The type {@link ExtractedDocument#type()} reports for a document in no supported format. */
    public static final String UNSUPPORTED_TYPE = "unsupported";

    /** Content types that say nothing about the format (servers send them for anything). */
    private static final List<String> UNINFORMATIVE = List.of(
            "", "text/plain", "application/octet-stream", "binary/octet-stream", "application/zip",
            "application/x-zip-compressed", "application/force-download", "application/download");

    private final long maxBytes;
    private final int maxFiles;
    private final Map<DocumentType, FormatExtractor> extractors;
    private final List<String> sectionTitles;

    /** An extractor for every supported format, reading files up to {@link #DEFAULT_MAX_BYTES}. */
    public LinkExtractor() {
        this(DEFAULT_MAX_BYTES);
    }

    /** An extractor for every supported format, reading files up to {@code maxBytes} in a folder walk. */
    public LinkExtractor(long maxBytes) {
        this(maxBytes, defaultExtractors());
    }

    LinkExtractor(long maxBytes, Map<DocumentType, FormatExtractor> extractors) {
        this(maxBytes, DEFAULT_MAX_FILES, extractors, List.of());
    }

    private LinkExtractor(long maxBytes, int maxFiles, Map<DocumentType, FormatExtractor> extractors, List<String> sectionTitles) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxFiles <= 0) {
            throw new IllegalArgumentException("maxFiles must be positive: " + maxFiles);
        }
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        this.extractors = new EnumMap<>(extractors);
        this.sectionTitles = List.copyOf(sectionTitles);
    }

    /**
     * This extractor, knowing the newsletter's section titles (feeds.yml {@code sections:}): headings
     * with these titles are sections, not entries ({@link ExtractedDocument#entries()}). The default
     * titles are known without this.
     */
    public LinkExtractor withSectionTitles(List<String> titles) {
        return new LinkExtractor(maxBytes, maxFiles, extractors, titles);
    }

    /** This extractor, reading at most {@code files} issue files from one folder (default {@value #DEFAULT_MAX_FILES}). */
    public LinkExtractor withMaxFiles(int files) {
        return new LinkExtractor(maxBytes, files, extractors, sectionTitles);
    }

    private static Map<DocumentType, FormatExtractor> defaultExtractors() {
        Map<DocumentType, FormatExtractor> map = new EnumMap<>(DocumentType.class);
        map.put(DocumentType.PDF, new PdfExtractor());
        map.put(DocumentType.HTML, new HtmlExtractor());
        map.put(DocumentType.MARKDOWN, new MarkdownExtractor());
        map.put(DocumentType.DOCX, new DocxExtractor());
        map.put(DocumentType.TEXT, new TextExtractor());
        return map;
    }

    /**
     * Tells what kind of link {@code url} is; only {@link LinkScheme#HTTP} links are to be fetched.
     * Use it on {@link LinkOccurrence#url()}, which is already resolved where a base was known.
     */
    public static LinkScheme classifyScheme(String url) {
        return LinkScheme.of(url);
    }

    /**
     * The links of one document.
     *
     * <p>The format is decided from, in order: unmistakable signatures of binary formats (a body that
     * starts {@code %PDF-} is a PDF, a zip holding {@code word/document.xml} a DOCX, whatever a server
     * says); the Content-Type when it names a supported format ({@code text/plain} and
     * {@code application/octet-stream} name none); the file name or URL path extension; markup at the
     * start of the body ({@code <!doctype html}, {@code <html}); else plain text. Bodies that are neither
     * (images, legacy {@code .doc}, other binaries) give type {@link #UNSUPPORTED_TYPE} and a warning.
     *
     * @param document           the file path or URL of the issue: named in every occurrence, and when it
     *                           is an http(s) URL the base relative links resolve against
     * @param content            the bytes of the document
     * @param contentTypeOrNull  the Content-Type it was served with, or null for a file
     */
    public ExtractedDocument extract(String document, byte[] content, String contentTypeOrNull) {
        Objects.requireNonNull(document, "document");
        String base = LinkScheme.of(document) == LinkScheme.HTTP ? document.strip() : null;
        byte[] bytes = content == null ? new byte[0] : content;
        Optional<DocumentType> type = detect(document, bytes, contentTypeOrNull);
        if (type.isEmpty()) {
            return unsupported(document, bytes, contentTypeOrNull);
        }
        if (bytes.length == 0) {
            return ExtractedDocument.unreadable(document, type.get().id(), "empty file");
        }
        FormatExtractor extractor = extractors.get(type.get());
        if (extractor == null) {
            return ExtractedDocument.unreadable(document, type.get().id(),
                    "no reader for " + type.get().id() + " documents is configured");
        }
        return extractor.extract(new Source(document, bytes, contentTypeOrNull, base, sectionTitles));
    }

    /**
     * The links of a file, or of every issue file under a folder (recursively; names ending in
     * {@code .pdf .html .htm .md .markdown .docx .txt}, any case; hidden files and folders skipped;
     * symbolic links to folders not followed, so a link loop cannot trap the walk), sorted by path. A
     * file given directly is read whatever its name. A file or subfolder that cannot be read, or a file
     * over the size limit, gives a document with a warning and the walk goes on.
     *
     * @throws NoSuchFileException    when {@code fileOrFolder} does not exist
     * @throws TooManyFilesException when the folder holds more issue files than {@link #withMaxFiles}
     *                                allows; then none is read
     * @throws IOException           when the folder itself cannot be listed
     */
    public List<ExtractedDocument> extractPath(Path fileOrFolder) throws IOException {
        if (!Files.exists(fileOrFolder)) {
            throw new NoSuchFileException(fileOrFolder.toString(), null, "no such file or folder");
        }
        if (!Files.isDirectory(fileOrFolder)) {
            return List.of(extractFile(fileOrFolder));
        }
        Map<Path, ExtractedDocument> unreadable = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(fileOrFolder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(fileOrFolder) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                boolean issue = !hidden(file) && DocumentType.byName(file.getFileName().toString()).isPresent();
                if (issue && (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file)))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(fileOrFolder)) {
                    throw e;
                }
                if (!hidden(file)) {
                    unreadable.put(file, ExtractedDocument.unreadable(file.toString(), typeByName(file),
                            "could not be read (" + e.getClass().getSimpleName() + ")"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (files.size() + unreadable.size() > maxFiles) {
            throw new TooManyFilesException(fileOrFolder, files.size() + unreadable.size(), maxFiles);
        }
        Map<Path, ExtractedDocument> documents = new TreeMap<>(unreadable);
        for (Path file : files) {
            documents.put(file, extractFile(file));
        }
        return List.copyOf(documents.values());
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    private static String typeByName(Path file) {
        return DocumentType.byName(file.toString()).map(DocumentType::id).orElse(UNSUPPORTED_TYPE);
    }

    private ExtractedDocument extractFile(Path file) {
        String document = file.toString();
        if (!Files.isRegularFile(file)) {
            return ExtractedDocument.unreadable(document, typeByName(file), "not a regular file");
        }
        // read at most one byte past the limit, so a file that grows after it was measured stays bounded
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = readUpTo(in, Files.size(file), limit + 1);
            if (bytes.length > limit) {
                long size = Math.max(bytes.length, Files.size(file));
                return ExtractedDocument.unreadable(document, typeByName(file),
                        "not read: " + size + " bytes is more than the limit of " + maxBytes + " bytes");
            }
            return extract(document, bytes, null);
        } catch (IOException e) {
            return ExtractedDocument.unreadable(document, typeByName(file),
                    "could not read the file (" + e.getClass().getSimpleName() + ": " + Occurrences.describe(e) + ")");
        }
    }

    /**
     * At most {@code max} bytes of {@code in}, read into one array of the file's size: reading in
     * pieces and joining them, as {@code readNBytes} does, holds a large issue twice at the peak.
     */
    private static byte[] readUpTo(InputStream in, long expectedSize, int max) throws IOException {
        byte[] bytes = new byte[(int) Math.min(Math.max(expectedSize, 0), max)];
        int n = in.readNBytes(bytes, 0, bytes.length);
        if (n < bytes.length) {
            return Arrays.copyOf(bytes, n); // it shrank since it was measured
        }
        byte[] more = in.readNBytes(max - n); // it grew since it was measured
        if (more.length == 0) {
            return bytes;
        }
        byte[] all = Arrays.copyOf(bytes, n + more.length);
        System.arraycopy(more, 0, all, n, more.length);
        return all;
    }

    static Optional<DocumentType> detect(String document, byte[] bytes, String contentType) {
        String mediaType = contentType == null ? ""
                : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        Optional<DocumentType> type = bySignature(bytes)
                .or(() -> DocumentType.byMediaType(mediaType))
                .or(() -> DocumentType.byName(document))
                .or(() -> byMarkup(bytes));
        if (type.isPresent()) {
            return type;
        }
        boolean textual = UNINFORMATIVE.contains(mediaType) || mediaType.startsWith("text/");
        return textual && !looksBinary(bytes) ? Optional.of(DocumentType.TEXT) : Optional.empty();
    }

    private static Optional<DocumentType> bySignature(byte[] bytes) {
        if (startsWith(bytes, "%PDF-")) {
            return Optional.of(DocumentType.PDF);
        }
        if (startsWith(bytes, "PK\u0003\u0004") && contains(bytes, "word/document.xml")) {
            return Optional.of(DocumentType.DOCX);
        }
        return Optional.empty();
    }

    private static Optional<DocumentType> byMarkup(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("\u00ef\u00bb\u00bf")) {
            start = start.substring(3).stripLeading();
        }
        return start.startsWith("<!doctype html") || start.startsWith("<html")
                ? Optional.of(DocumentType.HTML) : Optional.empty();
    }

    private static ExtractedDocument unsupported(String document, byte[] bytes, String contentType) {
        String what = startsWith(bytes, "\u00d0\u00cf\u0011\u00e0")
                ? "an old Word/Office (.doc) file; save it as .docx"
                : contentType != null && !contentType.isBlank()
                ? "not a supported document (Content-Type " + contentType.strip() + ")"
                : "not a supported document (binary content)";
        return ExtractedDocument.unreadable(document, UNSUPPORTED_TYPE, what + "; no links read");
    }

    /** NUL bytes in the first 8 KB: text formats never have them (UTF-16 has a BOM the sniffer reads). */
    private static boolean looksBinary(byte[] bytes) {
        boolean utf16Bom = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
        if (utf16Bom) {
            return false;
        }
        int end = Math.min(bytes.length, 8192);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, String latin1) {
        byte[] prefix = latin1.getBytes(StandardCharsets.ISO_8859_1);
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean contains(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
