package org.lexgate.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.message.ErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Each way a hop can be forged or mangled is refused with its own code and nothing but the code
 * and its safe text. Requests are built by hand with WSS4J (real keys from a test CA made now), so
 * each test controls exactly what is signed and what the Timestamp says; no test sleeps.
 */
class HopRefusalTest {

    static final byte[] MESSAGE = "<HI1Message xmlns='http://uri.etsi.org/03120/common/2019/10/Core'/>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static HopFixture net;

    @BeforeAll
    static void start() throws Exception {
        net = new HopFixture(dir).start();
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @BeforeEach
    void reset() {
        net.deliveries.clear();
    }

    @Test
    void handMadeRequestFollowingTheProfileIsAccepted() throws Exception {
        HttpResponse<byte[]> response = RawHop.post(net.address, request(spec -> { }));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(net.deliveries).singleElement().satisfies(d -> assertThat(d.message()).isEqualTo(MESSAGE));
    }

    @Test
    void createdWithinTheClockSkewIsAccepted() throws Exception {
        HttpResponse<byte[]> response = RawHop.post(net.address,
                request(spec -> spec.created = Instant.now().plusSeconds(20)));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void expiredTimestampIsRefused() throws Exception {
        byte[] request = request(spec -> {
            spec.created = Instant.now().minus(Duration.ofMinutes(10));
            spec.ttlSeconds = 300; // expired five minutes ago
        });

        assertRefused(request, ErrorCode.HOP_TIMESTAMP_EXPIRED);
    }

    @Test
    void timestampOlderThanTheTtlIsRefusedAsExpiredEvenWithAFarExpires() throws Exception {
        byte[] request = request(spec -> {
            spec.created = Instant.now().minus(Duration.ofMinutes(10));
            spec.ttlSeconds = 86_400;
        });

        assertRefused(request, ErrorCode.HOP_TIMESTAMP_EXPIRED);
    }

    @Test
    void timestampFromTheFutureIsRefused() throws Exception {
        byte[] request = request(spec -> spec.created = Instant.now().plus(Duration.ofMinutes(10)));

        assertRefused(request, ErrorCode.HOP_TIMESTAMP_IN_FUTURE);
    }

    @Test
    void timestampWithoutExpiresIsRefused() throws Exception {
        assertRefused(request(spec -> spec.ttlSeconds = 0), ErrorCode.HOP_TIMESTAMP_INVALID);
    }

    @Test
    void missingTimestampIsRefused() throws Exception {
        assertRefused(request(spec -> spec.timestamp = false), ErrorCode.HOP_TIMESTAMP_INVALID);
    }

    @Test
    void unsignedTimestampIsRefused() throws Exception {
        assertRefused(request(spec -> spec.signTimestamp = false), ErrorCode.HOP_TIMESTAMP_INVALID);
    }

    @Test
    void unsignedBodyIsRefused() throws Exception {
        assertRefused(request(spec -> spec.signBody = false), ErrorCode.HOP_BODY_NOT_SIGNED);
    }

    @Test
    void bodyChangedAfterSigningIsRefused() throws Exception {
        byte[] forged = "<HI1Message xmlns='http://uri.etsi.org/03120/common/2019/10/Core'><x/></HI1Message>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] request = request(spec -> spec.afterSigning = doc -> messageElement(doc)
                .setTextContent(java.util.Base64.getEncoder().encodeToString(forged)));

        assertRefused(request, ErrorCode.HOP_SECURITY_INVALID);
    }

    @Test
    void sha1SignatureIsRefused() throws Exception {
        byte[] request = RawHop.build(net.senderKeys, MESSAGE, spec -> { }, WSConstants.RSA_SHA1);

        assertRefused(request, ErrorCode.HOP_SECURITY_INVALID);
    }

    @Test
    void requestWithoutSecurityHeaderIsRefused() throws Exception {
        byte[] request = ("<soap:Envelope xmlns:soap='" + RawHop.SOAP12 + "'><soap:Body>"
                + "<lx:SubmitRequest xmlns:lx='http://lexgate.org/ns/hop/1'><lx:Message>PEEvPg==</lx:Message>"
                + "</lx:SubmitRequest></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);

        assertRefused(request, ErrorCode.HOP_SECURITY_INVALID);
    }

    @Test
    void signerFromAnUntrustedCaIsRefused() throws Exception {
        TestHopPki rogue = TestHopPki.create(dir.resolve("rogue"), "rogue-ca");
        HopKeys impostor = rogue.partyTrusting("impostor", net.pki);

        assertRefused(RawHop.build(impostor, MESSAGE, spec -> { }), ErrorCode.HOP_SECURITY_INVALID);
        try (HopClient client = net.client(impostor)) {
            assertThatThrownBy(() -> client.submit(MESSAGE)).isInstanceOfSatisfying(HopException.class, e -> {
                assertThat(e.kind()).isEqualTo(HopException.Kind.REFUSED);
                assertThat(e.code()).isEqualTo(ErrorCode.HOP_SECURITY_INVALID.code());
            });
        }
        assertThat(net.deliveries).isEmpty();
    }

    @Test
    void trustedSignerWhoIsNotTheNeighbourIsRefused() throws Exception {
        HopKeys stranger = net.pki.party("stranger"); // same CA, but not pinned for this endpoint

        assertRefused(RawHop.build(stranger, MESSAGE, spec -> { }), ErrorCode.HOP_SIGNER_NOT_NEIGHBOUR);
        try (HopClient client = net.client(stranger)) {
            assertThatThrownBy(() -> client.submit(MESSAGE)).isInstanceOfSatisfying(HopException.class, e -> {
                assertThat(e.kind()).isEqualTo(HopException.Kind.REFUSED);
                assertThat(e.code()).isEqualTo(ErrorCode.HOP_SIGNER_NOT_NEIGHBOUR.code());
                assertThat(e.safeText()).isEqualTo(ErrorCode.HOP_SIGNER_NOT_NEIGHBOUR.safeText());
            });
        }
        assertThat(net.deliveries).isEmpty();
    }

    @Test
    void notXmlIsRefused() throws Exception {
        assertRefused("this is not XML".getBytes(StandardCharsets.UTF_8), ErrorCode.NOT_WELL_FORMED);
    }

    private static byte[] request(Consumer<RawHop.Spec> tweak) throws Exception {
        return RawHop.build(net.senderKeys, MESSAGE, tweak);
    }

    private static Element messageElement(Document doc) {
        return (Element) doc.getElementsByTagNameNS(HopFaults.NS, "Message").item(0);
    }

    /** Refused with exactly this code, its safe text as the fault reason, and no internals. */
    private static void assertRefused(byte[] request, ErrorCode expected) throws Exception {
        HttpResponse<byte[]> response = RawHop.post(net.address, request);
        String body = new String(response.body(), StandardCharsets.UTF_8);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(RawHop.faultCode(response.body())).as(body).isEqualTo(expected.code());
        assertThat(RawHop.faultReason(response.body())).isEqualTo(expected.safeText());
        assertThat(RawHop.faultSubcodes(response.body())).as("fault subcodes").isEmpty();
        assertThat(RawHop.faultText(response.body())).as("everything the fault says")
                .isEqualTo(RawHop.SENDER + expected.safeText() + expected.code() + expected.safeText() + "false");
        assertThat(net.deliveries).isEmpty();
    }
}
