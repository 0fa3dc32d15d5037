package org.lexgate.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.message.ErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the client puts on the wire, and what it checks on the way back. */
class HopClientTest {

    static final byte[] MESSAGE = "<HI1Message xmlns='http://uri.etsi.org/03120/common/2019/10/Core'/>"
            .getBytes(StandardCharsets.UTF_8);
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

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

    @Test
    void requestIsSignedWithRsaSha256OverTimestampAndBodyAndCarriesExpires() throws Exception {
        try (HopClient client = net.senderClient()) {
            WireTap tap = WireTap.on(client);
            client.submit(MESSAGE);
            Document wire = RawHop.parse(tap.last());

            assertThat(attributes(wire, DSIG, "SignatureMethod", "Algorithm"))
                    .containsExactly(HopSecurity.SIGNATURE_ALGORITHM);
            assertThat(attributes(wire, DSIG, "DigestMethod", "Algorithm")).hasSize(2)
                    .containsOnly(WSConstants.SHA256);
            List<String> referenced = attributes(wire, DSIG, "Reference", "URI");
            String timestampId = "#" + first(wire, WSConstants.WSU_NS, "Timestamp").getAttributeNS(WSConstants.WSU_NS, "Id");
            String bodyId = "#" + first(wire, RawHop.SOAP12, "Body").getAttributeNS(WSConstants.WSU_NS, "Id");
            assertThat(referenced).containsExactlyInAnyOrder(timestampId, bodyId);
            assertThat(wire.getElementsByTagNameNS(WSConstants.WSU_NS, "Expires").getLength()).isEqualTo(1);
            assertThat(wire.getElementsByTagNameNS(WSConstants.WSSE_NS, "BinarySecurityToken").getLength()).isEqualTo(1);
        }
    }

    @Test
    void receiptSignedBySomeoneElseThanTheNeighbourIsRejected() throws Exception {
        HopClient client = HopClient.builder()
                .address(net.address)
                .security(HopSecurity.of(net.senderKeys))
                .neighbours(NeighbourPolicy.pinned(Map.of("XX-SOMEONE-ELSE", net.senderKeys.certificate())))
                .build();
        try (client) {
            assertThatThrownBy(() -> client.submit(MESSAGE)).isInstanceOfSatisfying(HopException.class, e -> {
                assertThat(e.kind()).isEqualTo(HopException.Kind.RESPONSE_REJECTED);
                assertThat(e.code()).isEqualTo(ErrorCode.HOP_SIGNER_NOT_NEIGHBOUR.code());
            });
        }
    }

    @Test
    void neighbourThatIsDownIsARetryableDeliveryFailure() throws Exception {
        HopClient client = HopClient.builder()
                .address(URI.create("http://127.0.0.1:" + HopFixture.freePort() + "/lexgate/hop"))
                .security(HopSecurity.of(net.senderKeys))
                .neighbours(NeighbourPolicy.pinned(Map.of("XX-RECEIVER", net.receiverKeys.certificate())))
                .build();
        try (client) {
            assertThatThrownBy(() -> client.submit(MESSAGE)).isInstanceOfSatisfying(HopException.class, e -> {
                assertThat(e.kind()).isEqualTo(HopException.Kind.UNREACHABLE);
                assertThat(e.code()).isEqualTo(ErrorCode.DELIVERY_FAILED.code());
                assertThat(e.retryable()).isTrue();
            });
        }
    }

    private static List<String> attributes(Document doc, String ns, String element, String attribute) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, element);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    private static Element first(Document doc, String ns, String element) {
        return (Element) doc.getElementsByTagNameNS(ns, element).item(0);
    }
}
