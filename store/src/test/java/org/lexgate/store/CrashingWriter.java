package org.lexgate.store;

import static org.lexgate.store.Fixtures.AGENCY;
import static org.lexgate.store.Fixtures.PROVIDER;
import static org.lexgate.store.Fixtures.inbound;
import static org.lexgate.store.Fixtures.receipt;

import java.nio.file.Path;

/**
 * The process {@link CrashTest} kills: records inbound messages into the H2 store in {@code args[0]}
 * without end, printing {@code committed <TransactionIdentifier>} after each {@code recordInbound}
 * returned — the moment a node would send the receipt.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        Store store = Store.openEmbedded(Path.of(args[0]));
        for (long i = 0; ; i++) {
            String tx = Fixtures.tx();
            store.messages().recordInbound(inbound(AGENCY, tx, "CRASH-" + (i % 7)), receipt(tx, PROVIDER));
            System.out.println("committed " + tx);
            System.out.flush();
        }
    }
}
