package org.lexgate.soap;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;

/**
 * Optional TLS for the hop (DESIGN.md: "mutual TLS as an option"): the node's own key and the
 * anchors its peers' certificates must chain to, taken from the same {@link HopKeys} as the
 * WS-Security signature. TLS gives confidentiality; the WS-Security signature stays the proof of
 * which neighbour handed a message over, with or without TLS.
 *
 * @param keys                     this node's key (server or client certificate) and trust anchors
 * @param requireClientCertificate endpoint side: refuse TLS clients without a certificate that
 *                                 chains to the anchors (mutual TLS)
 */
public record HopTls(HopKeys keys, boolean requireClientCertificate) {

    public HopTls {
        Objects.requireNonNull(keys, "keys");
    }

    /** TLS with client certificates required (mutual TLS). */
    public static HopTls mutual(HopKeys keys) {
        return new HopTls(keys, true);
    }

    TLSServerParameters serverParameters() {
        TLSServerParameters p = new TLSServerParameters();
        p.setKeyManagers(keyManagers());
        p.setTrustManagers(trustManagers());
        ClientAuthentication auth = new ClientAuthentication();
        auth.setRequired(requireClientCertificate);
        auth.setWant(requireClientCertificate);
        p.setClientAuthentication(auth);
        return p;
    }

    TLSClientParameters clientParameters() {
        TLSClientParameters p = new TLSClientParameters();
        p.setKeyManagers(keyManagers());
        p.setTrustManagers(trustManagers());
        p.setDisableCNCheck(false);
        return p;
    }

    private KeyManager[] keyManagers() {
        try {
            KeyStore store = keys.loadKeyStore();
            // only the hop key: a keystore may hold more than one
            KeyStore only = KeyStore.getInstance("PKCS12");
            only.load(null, null);
            only.setKeyEntry(keys.keyAlias(), store.getKey(keys.keyAlias(), keys.keyPassword()), keys.keyPassword(),
                    store.getCertificateChain(keys.keyAlias()));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(only, keys.keyPassword());
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("hop TLS key " + keys.keyStore() + ": " + e.getMessage(), e);
        }
    }

    private TrustManager[] trustManagers() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(keys.loadTrustStore());
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("hop TLS truststore " + keys.trustStore() + ": " + e.getMessage(), e);
        }
    }
}
