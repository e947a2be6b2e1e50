/**
 * Relevance that learns from the editors: their accepts and rejects, and the entries of past issues.
 * {@link no.kildevakt.rank.learn.LearnedRelevance} adds a bounded bonus (like accepted precedents) or
 * penalty (like rejected ones) to the topic score, so the one score still drives the threshold and the
 * order; {@link no.kildevakt.rank.learn.StoredEvidence} reads the examples from the store.
 */
package no.kildevakt.rank.learn;
