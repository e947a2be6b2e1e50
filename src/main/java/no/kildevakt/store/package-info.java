/**
 * The store step: everything kildevakt remembers, in one SQLite file, and the lock that keeps
 * two crawls off it at once.
 *
 * <p>{@code Store} is only the database: it opens the file (WAL, busy timeout, or read-only for
 * {@code serve}), migrates the schema and runs transactions. What is kept is reached through small
 * views that share its connection and lock, one per kind of record:
 * <ul>
 * <li>{@link no.kildevakt.store.Items} ({@code store.items()}): the items, and the crawl rounds that
 *     record them together with the source's state and fetch-log row, in one transaction;</li>
 * <li>{@link no.kildevakt.store.SourceRecords} ({@code store.sources()}): each source's state
 *     (validators, health, backoff) and the fetch log;</li>
 * <li>{@link no.kildevakt.store.StoredRobots} ({@code store.robots()}): robots.txt answers kept between runs;</li>
 * <li>{@link no.kildevakt.store.KnownItems}: which listed items are already stored;</li>
 * <li>{@link no.kildevakt.store.Decisions}: the editors' review decisions, notes and edits;</li>
 * <li>{@link no.kildevakt.store.DigestLog}: the delivered digests, for {@code --since-last};</li>
 * <li>{@link no.kildevakt.store.LinkRecords}: past issues, their links and each link's check history.</li>
 * </ul>
 * A new kind of record is a new view and a new migration step, not more methods on {@code Store}.
 * Review and link statuses are enums ({@link no.kildevakt.store.ReviewStatus},
 * {@link no.kildevakt.store.LinkStatus}) whose lower-case codes are what the database and the JSON
 * output hold.
 *
 * <p>Tables (schema v6, see {@code Schema}): {@code sources} (one row per source: validators,
 * health, backoff), {@code items} (one row per distinct item, found by dedupe key or canonical
 * URL; {@code status} is the editors' decision, with note and edits), {@code item_sources} (which
 * sources listed which item, and when), {@code fetch_log} (one row per round), {@code robots}
 * (robots.txt per origin), {@code decisions} (every review decision, with the period),
 * {@code digests} (delivered digests), {@code issues}, {@code issue_links}, {@code issue_entries} and
 * {@code link_checks} (past issues, the links they cite, their entries that relevance learns from,
 * each link's latest check and history). Instants are ISO-8601 UTC text with milliseconds, so
 * they sort as text and read well in the {@code sqlite3} shell.
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
