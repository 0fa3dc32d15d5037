package org.lexgate.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;

/** A signed hop over real HTTP on loopback delivers the exact bytes and returns the exact receipt. */
class HopRoundTripTest {

    /**
     * A document whose enveloped signature (inclusive C14N 1.1) would break if it were parsed into
     * and re-serialised from the SOAP envelope: an XML declaration, a comment, CR LF line ends,
     * attributes in non-canonical order with single quotes, an unused namespace declaration that
     * an envelope would change, non-ASCII text and a character reference.
     */
    static final byte[] FRAGILE = ("<?xml version='1.0' encoding='UTF-8'?>\r\n"
            + "<!-- signed by an agency -->\r\n"
            + "<HI1Message xmlns='http://uri.etsi.org/03120/common/2019/10/Core' xmlns:unused='urn:x'\r\n"
            + "    z='1'   a=\"2\">\r\n"
            + "  <Header><SenderIdentifier>Zürich &#x26; Łódź</SenderIdentifier></Header>\r\n"
            + "  <Payload/>\r\n"
            + "</HI1Message>").getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static HopFixture net;
    static HopClient client;

    @BeforeAll
    static void start() throws Exception {
        net = new HopFixture(dir).start();
        client = net.senderClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        net.close();
    }

    @BeforeEach
    void reset() {
        net.deliveries.clear();
        net.failWith = null;
    }

    @Test
    void signedHopDeliversTheExactBytesAndReturnsTheExactReceipt() throws Exception {
        byte[] receipt = client.submit(FRAGILE);

        assertThat(receipt).isEqualTo(HopFixture.RECEIPT);
        assertThat(net.deliveries).hasSize(1);
        HopDelivery delivery = net.deliveries.get(0);
        assertThat(delivery.message()).isEqualTo(FRAGILE);
        assertThat(delivery.neighbour()).isEqualTo("XX-SENDER");
        assertThat(delivery.hopSigner()).isEqualTo(net.senderCertificate());
    }

    @Test
    void everySubmissionIsFreshSoTheSameDocumentMayBeSentAgain() throws Exception {
        client.submit(FRAGILE);
        client.submit(FRAGILE);

        assertThat(net.deliveries).hasSize(2);
    }

    @Test
    void handlerRefusalReachesTheSenderAsCodeAndSafeTextOnly() {
        net.failWith = new MessageRejectedException(ErrorCode.SENDER_NOT_AUTHORISED,
                "internal detail: party XX-SENDER lacks scope LDTask/content");

        assertThatThrownBy(() -> client.submit(FRAGILE))
                .isInstanceOfSatisfying(HopException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HopException.Kind.REFUSED);
                    assertThat(e.code()).isEqualTo(9209);
                    assertThat(e.safeText()).isEqualTo(ErrorCode.SENDER_NOT_AUTHORISED.safeText());
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("internal detail");
                });
    }

    @Test
    void handlerCrashIsATransientFailureForTheSenderWithoutItsDetail() {
        net.failWith = new IllegalStateException("database connection pool exhausted at db.internal:5432");

        assertThatThrownBy(() -> client.submit(FRAGILE))
                .isInstanceOfSatisfying(HopException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HopException.Kind.REFUSED);
                    assertThat(e.code()).isEqualTo(ErrorCode.TEMPORARILY_UNAVAILABLE.code());
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("db.internal");
                });
    }
}
