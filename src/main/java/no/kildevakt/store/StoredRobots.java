package no.kildevakt.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import no.kildevakt.fetch.RobotsArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as the fetcher's {@link RobotsArchive}, so robots.txt answers outlive one run.
 * A database error only costs a fresh fetch of robots.txt: it is logged and swallowed.
 *
 * <p>Obtained from {@link Store#robots()}; shares the store's connection and lock.
 */
public final class StoredRobots implements RobotsArchive {
    private static final Logger log = LoggerFactory.getLogger(StoredRobots.class);

    private final Store store;

    StoredRobots(Store store) {
        this.store = store;
    }

    @Override
    public Optional<RobotsArchive.Entry> load(String origin) {
        try {
            return read(origin);
        } catch (StoreException e) {
            log.debug("robots archive: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void save(String origin, RobotsArchive.Entry entry) {
        try {
            write(origin, entry);
        } catch (StoreException e) {
            log.debug("robots archive: {}", e.getMessage());
        }
    }

    private Optional<RobotsArchive.Entry> read(String origin) throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement(
                    "SELECT status, content_type, body, fetched_at FROM robots WHERE origin = ?")) {
                select.setString(1, origin);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new RobotsArchive.Entry(rs.getInt(1), rs.getString(2), rs.getBytes(3),
                            Store.instant(rs.getString(4))));
                }
            } catch (SQLException e) {
                throw store.failure("read robots.txt of " + origin, e);
            }
        }
    }

    private void write(String origin, RobotsArchive.Entry entry) throws StoreException {
        store.inTransaction("store robots.txt of " + origin, c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO robots (origin, status, content_type, body, fetched_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (origin) DO UPDATE SET status = excluded.status, content_type = excluded.content_type,
                                                       body = excluded.body, fetched_at = excluded.fetched_at""")) {
                upsert.setString(1, origin);
                upsert.setInt(2, entry.status());
                upsert.setString(3, entry.contentType());
                upsert.setBytes(4, entry.body());
                upsert.setString(5, Store.text(entry.fetchedAt()));
                upsert.executeUpdate();
            }
            return null;
        });
    }
}
