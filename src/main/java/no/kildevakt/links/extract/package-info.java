/**
 * The input side of the dead-link checker: finds every link in published newsletter issues (PDF, HTML,
 * Markdown, DOCX, plain text) with the place it occurs, so that a broken link can be reported with each
 * page or line where an editor has to fix it.
 *
 * <p>{@link no.kildevakt.links.extract.LinkExtractor} is the entry point; it reads bytes and files and
 * never goes on the network (issues given by URL are fetched by the caller, with the crawler's fetch
 * layer, and handed in with their Content-Type). Every link is returned, including {@code mailto:} and
 * relative links that cannot be resolved; {@link no.kildevakt.links.extract.LinkScheme} says which of
 * them the checker may fetch.
 */
package no.kildevakt.links.extract;
