package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 database runs with the settings {@link StoreSettings#embeddedUrl} documents. */
class EmbeddedSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedDatabaseRunsWithTheDocumentedSettings() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Store store = Store.openEmbedded(dir);
                Connection c = store.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT SETTING_NAME, SETTING_VALUE"
                        + " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN"
                        + " ('WRITE_DELAY', 'QUERY_CACHE_SIZE', 'MODE', 'DEFAULT_NULL_ORDERING')");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(settings).containsEntry("WRITE_DELAY", "0")
                .containsEntry("QUERY_CACHE_SIZE", "64")
                .containsEntry("MODE", "PostgreSQL")
                .containsEntry("DEFAULT_NULL_ORDERING", "HIGH");
    }
}
