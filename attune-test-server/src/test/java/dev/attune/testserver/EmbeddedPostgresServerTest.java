package dev.attune.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void startsATunedServerAndDeletesItsDataWhenClosed(@TempDir Path parent) throws Exception {
        Path dataDirectory;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(parent)) {
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                    Statement statement = connection.createStatement();
                    ResultSet settings = statement.executeQuery("select current_setting('fsync'),"
                            + " current_setting('full_page_writes'), current_setting('synchronous_commit'),"
                            + " current_setting('max_connections')::int, current_setting('server_version')")) {
                settings.next();
                assertThat(settings.getString(1)).isEqualTo("off");
                assertThat(settings.getString(2)).isEqualTo("off");
                assertThat(settings.getString(3)).isEqualTo("off");
                assertThat(settings.getInt(4)).isEqualTo(EmbeddedPostgresServer.MAX_CONNECTIONS);
                assertThat(settings.getString(5)).isEqualTo(server.version());
            }
            try (var children = Files.list(parent)) {
                dataDirectory = children.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            assertThat(dataDirectory.resolve("PG_VERSION")).exists();
        }
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void closingTwiceIsHarmless(@TempDir Path parent) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(parent);
        server.close();
        server.close();
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl()).close())
                .hasMessageContaining("Connection");
    }
}
