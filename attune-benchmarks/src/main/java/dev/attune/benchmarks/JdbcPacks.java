package dev.attune.benchmarks;

import dev.attune.repositories.binding.JsonbJsonNodeConverter;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.schema.tables.pojos.Pack;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.JSONB;

/**
 * What a careful developer would write by hand instead of {@code PackRepository}: one {@link PreparedStatement} per
 * call on a connection borrowed from the same pool, every column mapped into the same {@link Pack} record (JSON parsed
 * into trees with the same Jackson configuration, arrays and timestamps converted). It does no input checks and no
 * error translation: that work is part of what the benchmarks measure on the repository side.
 */
final class JdbcPacks {

    private static final String COLUMNS = "id, ref, label, description, version, conf_schema, config, meta, tags,"
            + " runtime_deps, is_standard, created, updated";
    private static final String FIND_BY_ID = "select " + COLUMNS + " from pack where id = ?";
    private static final String LIST_PAGE = "select " + COLUMNS + " from pack order by ref limit ? offset ?";
    private static final String INSERT = "insert into pack (ref, label, description, version, conf_schema, config,"
            + " meta, tags, runtime_deps, is_standard) values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?)"
            + " returning " + COLUMNS;
    /** The converter the generated code uses: identical JSON parsing and writing on both sides. */
    private static final JsonbJsonNodeConverter JSON = new JsonbJsonNodeConverter();

    private final DataSource dataSource;

    JdbcPacks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Pack> findById(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(FIND_BY_ID)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(pack(rows)) : Optional.empty();
            }
        }
    }

    List<Pack> list(int limit, long offset) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LIST_PAGE)) {
            statement.setInt(1, limit);
            statement.setLong(2, offset);
            try (ResultSet rows = statement.executeQuery()) {
                List<Pack> packs = new ArrayList<>(limit);
                while (rows.next()) {
                    packs.add(pack(rows));
                }
                return packs;
            }
        }
    }

    Pack create(NewPack pack) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, pack.ref());
            statement.setString(2, pack.label());
            statement.setString(3, pack.description());
            statement.setString(4, pack.version());
            statement.setString(5, JSON.to(pack.confSchema()).data());
            statement.setString(6, JSON.to(pack.config()).data());
            statement.setString(7, JSON.to(pack.meta()).data());
            statement.setArray(8, connection.createArrayOf("text", pack.tags().toArray()));
            statement.setArray(9, connection.createArrayOf("text", pack.runtimeDeps().toArray()));
            statement.setBoolean(10, pack.isStandard());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("insert ... returning gave no row");
                }
                return pack(rows);
            }
        }
    }

    private static Pack pack(ResultSet rows) throws SQLException {
        return new Pack(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                JSON.from(jsonb(rows.getString(6))),
                JSON.from(jsonb(rows.getString(7))),
                JSON.from(jsonb(rows.getString(8))),
                texts(rows.getArray(9)),
                texts(rows.getArray(10)),
                rows.getBoolean(11),
                rows.getObject(12, OffsetDateTime.class),
                rows.getObject(13, OffsetDateTime.class));
    }

    private static JSONB jsonb(String text) {
        return text == null ? null : JSONB.valueOf(text);
    }

    private static String[] texts(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            return (String[]) array.getArray();
        } finally {
            array.free();
        }
    }
}
