package no.kildevakt.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The digests that were delivered (mailed, or written by a cron job), so that
 * {@code digest --since-last} can start where the previous one ended: nothing is mailed twice and
 * nothing falls between two mails, even when a cron run was missed.
 *
 * <p>Obtained from {@link Store#digests()}; shares the store's connection and lock.
 */
public final class DigestLog {
    private final Store store;

    DigestLog(Store store) {
        this.store = store;
    }

    /**
     * One delivered digest.
     *
     * @param from       start of the period it covered (inclusive)
     * @param to         end of the period (exclusive); the next {@code --since-last} starts here
     * @param recipients comma-separated addresses when mailed, else null
     */
    public record Delivery(Instant deliveredAt, Instant from, Instant to, int items, String format, String recipients) {
        public Delivery {
            Objects.requireNonNull(deliveredAt, "deliveredAt");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(format, "format");
        }
    }

    public void record(Delivery delivery) throws StoreException {
        store.inTransaction("record a delivered digest", c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO digests (delivered_at, period_from, period_to, items, format, recipients)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                Store.setInstant(insert, 1, delivery.deliveredAt());
                Store.setInstant(insert, 2, delivery.from());
                Store.setInstant(insert, 3, delivery.to());
                insert.setInt(4, delivery.items());
                insert.setString(5, delivery.format());
                insert.setString(6, delivery.recipients());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The most recently delivered digest (by the end of its period), or empty when none was. */
    public Optional<Delivery> last() throws StoreException {
        synchronized (store) {
            try (PreparedStatement select = store.connection().prepareStatement("""
                    SELECT delivered_at, period_from, period_to, items, format, recipients
                      FROM digests ORDER BY period_to DESC, id DESC LIMIT 1""");
                    ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Delivery(Store.instant(rs.getString(1)), Store.instant(rs.getString(2)),
                        Store.instant(rs.getString(3)), rs.getInt(4), rs.getString(5), rs.getString(6)));
            } catch (SQLException e) {
                throw store.failure("read the digest log", e);
            }
        }
    }
}
