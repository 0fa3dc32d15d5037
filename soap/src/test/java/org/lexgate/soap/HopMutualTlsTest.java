package org.lexgate.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hop over https with client certificates required (the mutual TLS option). */
class HopMutualTlsTest {

    static final byte[] MESSAGE = "<HI1Message xmlns='http://uri.etsi.org/03120/common/2019/10/Core'/>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static HopFixture keys;
    static URI address;
    static JdbcReplayCache replayCache;
    static HopEndpoint endpoint;
    static final List<HopDelivery> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        keys = new HopFixture(dir);
        address = URI.create("https://127.0.0.1:" + HopFixture.freePort() + "/lexgate/hop");
        replayCache = JdbcReplayCache.h2File(dir.resolve("tls-replay"), keys.receiverSecurity().replayWindow());
        endpoint = HopEndpoint.builder()
                .address(address)
                .security(keys.receiverSecurity())
                .replayCache(replayCache)
                .neighbours(NeighbourPolicy.pinned(Map.of("XX-SENDER", keys.senderCertificate())))
                .handler(d -> {
                    deliveries.add(d);
                    return HopFixture.RECEIPT;
                })
                .tls(HopTls.mutual(keys.receiverKeys))
                .start();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
        replayCache.close();
    }

    @Test
    void signedHopOverMutualTlsDelivers() throws Exception {
        HopClient client = HopClient.builder()
                .address(address)
                .security(HopSecurity.of(keys.senderKeys))
                .neighbours(NeighbourPolicy.pinned(Map.of("XX-RECEIVER", keys.receiverKeys.certificate())))
                .tls(HopTls.mutual(keys.senderKeys))
                .build();
        try (client) {
            assertThat(client.submit(MESSAGE)).isEqualTo(HopFixture.RECEIPT);
        }
        assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.message()).isEqualTo(MESSAGE));
    }

    @Test
    void tlsClientWithoutCertificateIsTurnedAwayAtTheHandshake() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys.senderKeys.loadTrustStore());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null); // trusts the server, offers no certificate
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(20))
                .header("Content-Type", RawHop.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(RawHop.build(keys.senderKeys, MESSAGE, s -> { })))
                .build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()))
                .isInstanceOf(IOException.class);
    }
}
