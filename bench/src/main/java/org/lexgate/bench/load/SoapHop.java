package org.lexgate.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.soap.HopClient;
import org.lexgate.soap.HopException;
import org.lexgate.soap.HopKeys;
import org.lexgate.soap.HopSecurity;
import org.lexgate.soap.NeighbourPolicy;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;

/**
 * The SOAP hop (WS-Security both ways) as a neighbour node sends: lexgate's own {@link HopClient},
 * signing as XA-AGENCY's hop key, trusting the test PKI's root CA, and accepting responses signed
 * by XA-PROVIDER only. Its signing and the response check run on the sender threads (counted as
 * sender CPU).
 */
public final class SoapHop implements Transport {

    private final HopClient client;

    public SoapHop(BenchFixture fixture, URI address, Path workDir) throws IOException, GeneralSecurityException {
        Path trust = workDir.resolve("hop-trust.p12");
        Files.createDirectories(workDir);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root-ca", fixture.pki().rootCertificate());
        try (OutputStream out = Files.newOutputStream(trust)) {
            anchors.store(out, TestPki.KEYSTORE_PASSWORD.toCharArray());
        }
        char[] password = TestPki.KEYSTORE_PASSWORD.toCharArray();
        HopKeys keys = HopKeys.of(fixture.identity(TestParty.XA_AGENCY).keystore(), password,
                TestParty.XA_AGENCY.alias(), trust, password);
        this.client = HopClient.builder().address(address).security(HopSecurity.of(keys))
                .neighbours(NeighbourPolicy.pinned(Map.of(TestParty.XA_PROVIDER.id(),
                        fixture.identity(TestParty.XA_PROVIDER).certificate())))
                .build();
    }

    @Override
    public Outcome submit(byte[] signed) throws Exception {
        try {
            return new Outcome(true, 200, client.submit(signed));
        } catch (HopException e) {
            if (e.kind() == HopException.Kind.REFUSED) {
                return new Outcome(false, e.code(), null);
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return "soap-hop";
    }

    @Override
    public void close() {
        client.close();
    }
}
