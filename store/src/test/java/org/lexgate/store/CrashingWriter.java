package org.lexgate.store;

import static org.lexgate.store.Fixtures.AGENCY;
import static org.lexgate.store.Fixtures.PROVIDER;
import static org.lexgate.store.Fixtures.inbound;
import static org.lexgate.store.Fixtures.receipt;

import java.nio.file.Path;

/**
 * The process {@link CrashTest} kills: records inbound messages into the H2 store in {@code args[0]}
 * without end, printing {@code committed <TransactionIdentifier>} after each {@code recordInbound}
 * returned — the moment a node would send the receipt. With {@code args[1]} {@code housekeeping},
 * the file housekeeping runs as often as in {@link H2HousekeepingTest} (every 20 ms, H2 retention
 * time 100 ms), so the kill can land while it rewrites chunks.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Store store;
        if (args.length > 1 && args[1].equals("housekeeping")) {
            store = Store.open(StoreSettings.embedded(Path.of(args[0])), H2HousekeepingTest.FREQUENT);
            H2HousekeepingTest.shortenRetention(store);
        } else {
            store = Store.openEmbedded(Path.of(args[0]));
        }
        for (long i = 0; ; i++) {
            String tx = Fixtures.tx();
            store.messages().recordInbound(inbound(AGENCY, tx, "CRASH-" + (i % 7)), receipt(tx, PROVIDER));
            System.out.println("committed " + tx);
            if (store.housekeeping() != null && i % 100 == 0) {
                System.out.println("rewrites " + store.housekeeping().rewrites());
            }
            System.out.flush();
        }
    }
}
