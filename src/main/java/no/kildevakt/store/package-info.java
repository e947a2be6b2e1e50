/**
 * The store step: everything kildevakt remembers, in one SQLite file, and the lock that keeps
 * two crawls off it at once.
 *
 * <p>Tables (schema v1, see {@code Schema}): {@code sources} (one row per source: validators,
 * health, backoff), {@code items} (one row per distinct item, found by dedupe key or canonical
 * URL; {@code status} is the editors' decision), {@code item_sources} (which sources listed which
 * item, and when), {@code fetch_log} (one row per round). Instants are ISO-8601 UTC text with
 * milliseconds, so they sort as text and read well in the {@code sqlite3} shell.
 *
 * <p>An item belongs to the source that listed it first: only that source's listings change its
 * title, summary and dates; other sources that list it are remembered ("also reported by") and
 * only fill what is empty. Keys of opaque guids are kept per source. A publication date no source
 * can mean (before 1990, or more than a day after the crawl) is stored as none, with its text in
 * {@code published_raw}, so the item is dated by when it was first seen.
 *
 * <p>Why a versioned schema: the database outlives many kildevakt releases; {@code PRAGMA
 * user_version} records which migration steps ran, each step is atomic, and an older
 * kildevakt refuses a newer database rather than writing to a schema it does not know.
 */
package no.kildevakt.store;
