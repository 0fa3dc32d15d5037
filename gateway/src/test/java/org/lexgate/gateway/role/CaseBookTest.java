package org.lexgate.gateway.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.gateway.network.Requests;
import org.lexgate.gateway.role.TaskRecord.RelayLink;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.task.LPTaskObject;
import org.lexgate.store.AuditEventType;
import org.lexgate.store.Store;
import org.lexgate.store.StoredObject;
import org.lexgate.trust.directory.PartyId;

/** The role handlers' record on a real (embedded H2) store: idempotent records, two-sided status, relay links. */
class CaseBookTest {

    private static final PartyId AGENCY = PartyId.parse("XA-AGENCY");
    private static final PartyId XA_CP = PartyId.parse("XA-CP");
    private static final PartyId PROVIDER = PartyId.parse("XB-PROVIDER");

    @TempDir
    Path dir;
    Store store;
    CaseBook book;

    @BeforeEach
    void open() {
        store = Store.openEmbedded(dir);
        book = CaseBook.open(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aTaskIsRecordedOnceAndItsStatusChangesOnBothSidesWithATrail() throws Exception {
        UUID lp = UUID.randomUUID();
        HI1Object task = new Hi1View(Requests.preservation("XA-AGENCY-2026-0042", lp, "a@example.org")).createdTasks().get(0);
        TaskRecord record = new TaskRecord(lp.toString(), "LPTask", "XA-AGENCY-2026-0042", null, AGENCY, "tx-1",
                "XA-AGENCY-2026-0042", XA_CP, false, "Preserved", "AwaitingPreservation", Optional.empty(), Optional.empty());

        book.recordTask(record, task);
        TaskRecord again = book.recordTask(record.withStatus("Rejected"), task);

        assertThat(again.status()).as("a repeat returns what is stored").isEqualTo("AwaitingPreservation");
        Instant until = Instant.parse("2027-02-26T00:00:00Z");
        CaseBook.Change change = book.changeStatus(lp.toString(), null, "Preserved", until, PROVIDER);
        assertThat(change.changed()).isTrue();
        assertThat(change.task().status()).isEqualTo("Preserved");
        assertThat(change.task().preservedUntil()).contains(until);
        assertThat(book.changeStatus(lp.toString(), null, "Preserved", until, PROVIDER).changed()).isFalse();

        StoredObject stored = store.objects().get(lp).orElseThrow();
        assertThat(stored.generation()).isEqualTo(2);
        assertThat(stored.desiredStatus()).isEqualTo("Preserved");
        assertThat(stored.status()).isEqualTo("Preserved");
        LPTaskObject xml = (LPTaskObject) ObjectXml.read(stored.xml());
        assertThat(xml.getStatus().getValue()).isEqualTo("Preserved");
        assertThat(Hi1View.instant(xml.getPreservationExpiration())).contains(until);
        assertThat(store.audit().trail("XA-AGENCY-2026-0042")).extracting(e -> e.entry().type())
                .containsExactly(AuditEventType.STATUS_CHANGED, AuditEventType.STATUS_CHANGED);
    }

    @Test
    void aRelayedTaskIsFoundByTheForeignTaskItRelays() throws Exception {
        String domestic = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        RelayLink link = new RelayLink("give-effect", AGENCY, "tx-foreign", foreign, "XA-AGENCY-2026-0043", XA_CP, PROVIDER);
        book.recordTask(new TaskRecord(domestic, "LDTask", "XA-AGENCY-2026-0043", null, AGENCY, "tx-foreign",
                "XA-AGENCY-2026-0043", XA_CP, true, "AwaitingDisclosure", null, Optional.empty(), Optional.of(link)), null);

        TaskRecord found = book.relayOf(foreign).orElseThrow();

        assertThat(found.objectId()).isEqualTo(domestic);
        assertThat(found.relay()).contains(link);
        assertThat(found.emergency()).isTrue();
        assertThat(book.tasksOfCase("XA-AGENCY-2026-0043")).hasSize(1);
        assertThat(book.relayOf(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void aHandlingThatFailsLeavesNoRecordAndOneThatCommittedIsNotRepeated() throws Exception {
        UUID lp = UUID.randomUUID();
        HI1Object task = new Hi1View(Requests.preservation("XA-AGENCY-2026-0044", lp, "b@example.org")).createdTasks().get(0);
        TaskRecord record = new TaskRecord(lp.toString(), "LPTask", "XA-AGENCY-2026-0044", null, AGENCY, "tx-3",
                "XA-AGENCY-2026-0044", XA_CP, false, "Preserved", "AwaitingPreservation", Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> book.inTransaction(c -> {
            assertThat(book.markHandled("message-1")).isTrue();
            book.recordTask(record, task);
            book.changeStatus(lp.toString(), null, "Preserved", Instant.parse("2027-02-26T00:00:00Z"), PROVIDER);
            book.audit(AuditEventType.HANDED_TO_BACKEND, "XA-AGENCY-2026-0044", AGENCY, "tx-3", "to the back end");
            throw new IllegalStateException("the back end is down");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(book.task(lp.toString())).isEmpty();
        assertThat(store.objects().get(lp)).isEmpty();
        assertThat(store.audit().trail("XA-AGENCY-2026-0044")).isEmpty();

        boolean first = book.inTransaction(c -> book.markHandled("message-1") && book.recordTask(record, task) != null);
        boolean again = book.inTransaction(c -> book.markHandled("message-1"));
        assertThat(first).isTrue();
        assertThat(again).as("handled before").isFalse();
        assertThat(store.audit().trail("XA-AGENCY-2026-0044")).hasSize(1);
        assertThat(store.audit().firstBrokenLink()).isEmpty();
    }
}
