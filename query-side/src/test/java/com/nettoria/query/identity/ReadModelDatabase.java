package com.nettoria.query.identity;

import io.zonky.test.db.postgres.embedded.DatabasePreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * A real PostgreSQL with the query side's own Flyway migrations: one database per test class (cloned from the
 * migrated template), its read models (the identity ones, or the tables a test names) emptied before each test. (A database per test would leave
 * dozens of databases for the embedded cluster to delete when the JVM exits.)
 */
public final class ReadModelDatabase {

    private static final DatabasePreparer QUERY_SIDE_SCHEMA = dataSource -> Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/query")
            .load()
            .migrate();

    private ReadModelDatabase() {
    }

    /** For a static field: the test class's database. */
    public static PreparedDbExtension perClass() {
        return EmbeddedPostgresExtension.preparedDatabase(QUERY_SIDE_SCHEMA);
    }

    /** The identity read models as a fresh migration leaves them: empty. */
    static JdbcTemplate emptied(PreparedDbExtension database) {
        return emptied(database, "user_account", "user_session", "activity_entry");
    }

    /** Other read models ({@code tables}) as a fresh migration leaves them: empty. */
    public static JdbcTemplate emptied(PreparedDbExtension database, String... tables) {
        JdbcTemplate jdbc = new JdbcTemplate(database.getTestDatabase());
        jdbc.execute("TRUNCATE " + String.join(", ", tables));
        return jdbc;
    }

    /** Every row of {@code table} as JSON text, in {@code order}: to compare a read model before and after. */
    public static List<String> rows(JdbcTemplate jdbc, String table, String order) {
        return jdbc.queryForList("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY " + order, String.class);
    }

    public static long count(JdbcTemplate jdbc, String table) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    /** Every row of {@code table} as JSON text: to show that a value appears nowhere in it. */
    public static String everything(JdbcTemplate jdbc, String table) {
        return String.join("\n", jdbc.queryForList("SELECT row_to_json(t)::text FROM " + table + " t", String.class));
    }
}
