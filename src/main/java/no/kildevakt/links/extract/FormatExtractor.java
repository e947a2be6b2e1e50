package no.kildevakt.links.extract;

/**
 * Reads the links of one document format. One implementation per {@link DocumentType}, chosen by
 * {@link LinkExtractor}; an implementation reports unreadable input as warnings in the result and
 * does not throw for bad documents.
 */
interface FormatExtractor {
    /** The links in {@code source}, which has already been identified as this extractor's format. */
    ExtractedDocument extract(Source source);
}
