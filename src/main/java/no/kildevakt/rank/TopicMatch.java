package no.kildevakt.rank;

/**
 * One term of one topic found in an item. {@link Score#matched()} shows an editor only the topic's
 * {@link #name()}; this keeps the technical side ({@link #topic()} id and {@link #term()} as configured)
 * for {@code learn --explain}, scripts and tests, where the exact term is what one edits.
 *
 * @param topic  the topic's id
 * @param name   the topic's name, as the editor reads it
 * @param term   the term that fired, as written in the topics
 * @param field  where it fired
 * @param points what the topic adds for that field before the source weight (2 × weight in the title,
 *               1 × in the summary); 0 for a topic's further terms in the same field, which add nothing
 */
public record TopicMatch(String topic, String name, String term, Field field, double points) {
    /** The field of the item a term was found in. */
    public enum Field { TITLE, SUMMARY }

    /** {@code topic:term}, the form {@code matched} had before it showed names. */
    public String technical() {
        return topic + ":" + term;
    }
}
