package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @StoreTest
    void migrationsApplyAndEveryTableIsEmptyButTheChainHead(TestDatabase db) throws Exception {
        Store store = db.store();
        assertThat(store.vendor()).isEqualTo(db.backend().label());
        assertThat(appliedVersions(store)).containsSubsequence("1", "2", "3", "4", "5", "6");
        for (String table : List.of("message", "message_part", "inbound_key", "receipt", "outbound", "hi1_object",
                "audit_event", "follow_up_clock")) {
            assertThat(db.count(table)).as(table).isZero();
        }
        assertThat(db.count("audit_head")).isEqualTo(1);
    }

    @StoreTest
    void reopeningAppliesNothingTwice(TestDatabase db) throws Exception {
        List<String> first = appliedVersions(db.store());
        assertThat(appliedVersions(db.reopen())).isEqualTo(first);
    }

    @Test
    void anUnreachableDatabaseFailsAtOpenWithTheReason() {
        StoreSettings nowhere = StoreSettings.jdbc("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "u", "p");
        assertThatThrownBy(() -> Store.open(nowhere))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to the store at jdbc:postgresql://127.0.0.1:1/none");
    }

    @Test
    void settingsNeverPrintThePassword() {
        StoreSettings s = StoreSettings.jdbc("jdbc:postgresql://db/lexgate?password=secret", "lexgate", "secret");
        assertThat(s.toString()).doesNotContain("secret").contains("password=***");
    }

    private static List<String> appliedVersions(Store store) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT version FROM flyway_schema_history"
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            c.commit();
        }
        return versions;
    }
}
