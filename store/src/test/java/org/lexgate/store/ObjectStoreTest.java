package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lexgate.store.Fixtures.AGENCY;
import static org.lexgate.store.Fixtures.CONTACT_POINT_A;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** ETSI objects with two-sided status, Generation, GET and LIST (issue 4, item 6). */
class ObjectStoreTest {

    private static ObjectVersion version(UUID id, Hi1ObjectType type, String owner, String country, String desired,
                                        String status, Integer expected) {
        return new ObjectVersion(id, type, "CASE-" + owner, owner, country, null, desired, status,
                "<HI1Object xsi:type=\"" + type.dictionaryValue() + "Object\"><ObjectIdentifier>" + id
                        + "</ObjectIdentifier></HI1Object>", null, expected, owner);
    }

    @StoreTest
    void upsertCreatesAtGenerationOneAndEachChangeIncrementsIt(TestDatabase db) {
        ObjectStore objects = db.store().objects();
        UUID id = UUID.randomUUID();

        StoredObject created = objects.upsert(version(id, Hi1ObjectType.LD_TASK, AGENCY, "XA", "AwaitingDisclosure",
                null, 0));
        StoredObject changed = objects.upsert(version(id, Hi1ObjectType.LD_TASK, AGENCY, "XA", "AwaitingDisclosure",
                "Disclosed", 1));

        assertThat(created.generation()).isEqualTo(1);
        assertThat(changed.generation()).isEqualTo(2);
        StoredObject got = objects.get(id).orElseThrow();
        assertThat(got).isEqualTo(changed);
        assertThat(got.status()).isEqualTo("Disclosed");
        assertThat(got.desiredStatus()).isEqualTo("AwaitingDisclosure");
        assertThat(got.createdAt()).isEqualTo(created.createdAt());
        assertThat(got.lastChanged()).isAfter(created.lastChanged());
        assertThat(objects.get(UUID.randomUUID())).isEmpty();
        assertThat(db.store().audit().trail("CASE-" + AGENCY)).extracting(e -> e.entry().detail())
                .containsExactly(
                        "LDTask " + id + " generation 1: (new) -> DesiredStatus=AwaitingDisclosure Status=null",
                        "LDTask " + id + " generation 2: DesiredStatus=AwaitingDisclosure Status=null"
                                + " -> DesiredStatus=AwaitingDisclosure Status=Disclosed");
    }

    @StoreTest
    void aChangeMadeAgainstAnOldGenerationIsRefused(Store store) {
        UUID id = UUID.randomUUID();
        store.objects().upsert(version(id, Hi1ObjectType.AUTHORISATION, AGENCY, "XA", null, null, null));
        store.objects().upsert(version(id, Hi1ObjectType.AUTHORISATION, AGENCY, "XA", null, null, 1));

        assertThatThrownBy(() -> store.objects().upsert(version(id, Hi1ObjectType.AUTHORISATION, AGENCY, "XA",
                null, null, 1)))
                .isInstanceOfSatisfying(GenerationConflictException.class,
                        e -> assertThat(e.currentGeneration()).isEqualTo(2));
        assertThatThrownBy(() -> store.objects().upsert(version(id, Hi1ObjectType.AUTHORISATION, AGENCY, "XA",
                null, null, 0)))
                .isInstanceOf(GenerationConflictException.class);
        assertThatThrownBy(() -> store.objects().upsert(version(id, Hi1ObjectType.LP_TASK, AGENCY, "XA",
                null, null, null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("is a Authorisation");
        assertThat(store.objects().get(id).orElseThrow().generation()).isEqualTo(2);
    }

    @StoreTest
    void listAppliesTheFiltersOfEtsiListRequest(TestDatabase db) {
        ObjectStore objects = db.store().objects();
        UUID auth = UUID.randomUUID();
        UUID ld = UUID.randomUUID();
        UUID lp = UUID.randomUUID();
        UUID otherOwner = UUID.randomUUID();
        objects.upsert(version(auth, Hi1ObjectType.AUTHORISATION, AGENCY, "XA", null, null, null));
        db.clock().advance(Duration.ofMinutes(1));
        Instant afterAuth = db.clock().peek();
        objects.upsert(version(ld, Hi1ObjectType.LD_TASK, AGENCY, "XA", "AwaitingDisclosure", "Disclosed", null));
        db.clock().advance(Duration.ofMinutes(1));
        objects.upsert(version(lp, Hi1ObjectType.LP_TASK, AGENCY, "XB", "Preserved", "Preserved", null));
        db.clock().advance(Duration.ofMinutes(1));
        objects.upsert(version(otherOwner, Hi1ObjectType.LD_TASK, CONTACT_POINT_A, "XA", null, "Disclosed", null));

        assertThat(objects.list(ObjectQuery.all())).extracting(StoredObject::objectId)
                .containsExactly(auth, ld, lp, otherOwner);
        assertThat(objects.list(ObjectQuery.all().withObjectType(Hi1ObjectType.LD_TASK)))
                .extracting(StoredObject::objectId).containsExactly(ld, otherOwner);
        assertThat(objects.list(ObjectQuery.all().withObjectType(Hi1ObjectType.TASK).withOwner(AGENCY)))
                .extracting(StoredObject::objectId).containsExactly(ld, lp);
        assertThat(objects.list(ObjectQuery.all().withLastChanged(afterAuth, null)))
                .extracting(StoredObject::objectId).containsExactly(ld, lp, otherOwner);
        assertThat(objects.list(ObjectQuery.all().withLastChanged(afterAuth, afterAuth.plus(Duration.ofSeconds(90)))))
                .extracting(StoredObject::objectId).containsExactly(ld, lp);
        assertThat(objects.list(ObjectQuery.all().withStatus("Disclosed")))
                .extracting(StoredObject::objectId).containsExactly(ld, otherOwner);
        assertThat(objects.list(ObjectQuery.all().withCountryCode("XB")))
                .extracting(StoredObject::objectId).containsExactly(lp);
        assertThat(objects.list(ObjectQuery.all().withMaximumObjectCount(2)))
                .extracting(StoredObject::objectId).containsExactly(auth, ld);
        assertThat(objects.list(ObjectQuery.all().withObjectType(Hi1ObjectType.DELIVERY))).isEmpty();
        assertThat(objects.byCase("CASE-" + AGENCY)).extracting(StoredObject::objectId).containsExactly(auth, ld, lp);
    }

    @StoreTest
    void theObjectXmlIsKeptExactly(Store store) {
        UUID id = UUID.randomUUID();
        String xml = "<HI1Object>" + "ü€𝄞 ".repeat(20_000) + "</HI1Object>";
        store.objects().upsert(new ObjectVersion(id, Hi1ObjectType.DOCUMENT, null, AGENCY, "XA", "ext-1", null, null,
                xml, Instant.parse("2026-11-01T10:00:00Z"), null, null));
        StoredObject got = store.objects().get(id).orElseThrow();
        assertThat(got.xml()).isEqualTo(xml);
        assertThat(got.externalId()).isEqualTo("ext-1");
        assertThat(got.lastChanged()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    }

    @StoreTest
    void createIfAbsentCreatesOnceAndThenChangesNothing(TestDatabase db) {
        ObjectStore objects = db.store().objects();
        UUID id = UUID.randomUUID();

        StoredObject created = objects.createIfAbsent(version(id, Hi1ObjectType.LP_TASK, AGENCY, "XA", "Preserved",
                "AwaitingPreservation", null)).orElseThrow();
        var again = objects.createIfAbsent(version(id, Hi1ObjectType.LP_TASK, AGENCY, "XA", "Cancelled", null, null));

        assertThat(again).isEmpty();
        assertThat(created.generation()).isEqualTo(1);
        assertThat(objects.get(id)).contains(created);
        assertThat(db.store().audit().trail("CASE-" + AGENCY)).extracting(e -> e.entry().detail()).containsExactly(
                "LPTask " + id + " generation 1: (new) -> DesiredStatus=Preserved Status=AwaitingPreservation");
    }
}
