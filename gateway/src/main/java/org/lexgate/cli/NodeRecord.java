package org.lexgate.cli;

import java.nio.file.Path;
import org.lexgate.gateway.node.NodeConfig;
import org.lexgate.gateway.node.NodeConfigException;
import org.lexgate.gateway.node.NodeConfigLoader;
import org.lexgate.store.Store;
import org.lexgate.store.StoreSettings;

/**
 * Opens the record (store) of the node a configuration file describes, for the operator commands
 * ({@code lexgate trail}, {@code lexgate dlq}). The embedded H2 database is opened with
 * {@code AUTO_SERVER}, so it can be read while the node runs when the node opened it the same way;
 * PostgreSQL is shared anyway.
 */
final class NodeRecord {

    private NodeRecord() {
    }

    /**
     * Reads the node's configuration as {@code lexgate serve} does (the same password environment
     * variables); a variable that is not set may be given as the system property
     * {@code lexgate.env.NAME}, for tools and tests that run the command in-process.
     */
    static NodeConfig config(Path file) throws NodeConfigException {
        return new NodeConfigLoader(name -> {
            String value = System.getenv(name);
            return value != null ? value : System.getProperty("lexgate.env." + name);
        }).load(file).config();
    }

    static Store open(NodeConfig config) {
        NodeConfig.Database db = config.database();
        StoreSettings settings = db.url().isPresent()
                ? StoreSettings.jdbc(db.url().get(), db.user().orElse(null),
                        db.password() == null || db.password().length == 0 ? null : new String(db.password()))
                : StoreSettings.jdbc(StoreSettings.embeddedUrl(config.dataDirectory().resolve("db"), true), "sa", "");
        if (db.schema().isPresent()) {
            settings = settings.withSchema(db.schema().get());
        }
        return Store.open(settings.withMaxPoolSize(2));
    }
}
