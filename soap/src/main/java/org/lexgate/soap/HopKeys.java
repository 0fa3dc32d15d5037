package org.lexgate.soap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Properties;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.CryptoFactory;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * A node's hop keys: its own signing key (a PKCS#12 keystore and an alias) and the trust anchors
 * that hop signers must chain to (a PKCS#12 truststore of CA certificates). The JDK's CA store is
 * never trusted ({@code org.apache.wss4j.crypto.merlin.load.cacerts=false}; STACK.md pitfall 10).
 *
 * <p>The same keys serve the WS-Security signature and, optionally, mutual TLS ({@link HopTls}).
 */
public record HopKeys(Path keyStore, char[] keyStorePassword, String keyAlias, char[] keyPassword,
                      Path trustStore, char[] trustStorePassword) {

    private static final String MERLIN = Merlin.PREFIX;

    public HopKeys {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(keyAlias, "keyAlias");
        Objects.requireNonNull(keyPassword, "keyPassword");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    }

    /** Keys whose private key is protected by the keystore password (the usual PKCS#12 case). */
    public static HopKeys of(Path keyStore, char[] password, String keyAlias, Path trustStore, char[] trustStorePassword) {
        return new HopKeys(keyStore, password, keyAlias, password, trustStore, trustStorePassword);
    }

    /**
     * Loads both stores and checks that the alias holds a private key with a certificate, so a bad
     * configuration stops the node at start-up with the file and the reason.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public void check() {
        KeyStore keys = load(keyStore, keyStorePassword);
        try {
            if (!keys.isKeyEntry(keyAlias) || !(keys.getCertificate(keyAlias) instanceof X509Certificate)) {
                throw new IllegalArgumentException("hop keystore " + keyStore + ": no private key with an X.509"
                        + " certificate under alias '" + keyAlias + "'");
            }
            keys.getKey(keyAlias, keyPassword);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("hop keystore " + keyStore + ": the key '" + keyAlias
                    + "' cannot be read: " + e.getMessage(), e);
        }
        KeyStore anchors = load(trustStore, trustStorePassword);
        try {
            if (anchors.size() == 0) {
                throw new IllegalArgumentException("hop truststore " + trustStore + ": holds no certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("hop truststore " + trustStore + ": " + e.getMessage(), e);
        }
    }

    /** This node's own hop certificate. */
    public X509Certificate certificate() {
        try {
            return (X509Certificate) load(keyStore, keyStorePassword).getCertificate(keyAlias);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("hop keystore " + keyStore + ": " + e.getMessage(), e);
        }
    }

    KeyStore loadKeyStore() {
        return load(keyStore, keyStorePassword);
    }

    KeyStore loadTrustStore() {
        return load(trustStore, trustStorePassword);
    }

    /** The WSS4J crypto: signing key from the keystore, trust anchors from the truststore only. */
    Crypto crypto() {
        Properties p = new Properties();
        p.setProperty("org.apache.wss4j.crypto.provider", Merlin.class.getName());
        p.setProperty(MERLIN + Merlin.KEYSTORE_TYPE, "PKCS12");
        p.setProperty(MERLIN + Merlin.KEYSTORE_FILE, keyStore.toAbsolutePath().toString());
        p.setProperty(MERLIN + Merlin.KEYSTORE_PASSWORD, new String(keyStorePassword));
        p.setProperty(MERLIN + Merlin.KEYSTORE_ALIAS, keyAlias);
        p.setProperty(MERLIN + Merlin.TRUSTSTORE_TYPE, "PKCS12");
        p.setProperty(MERLIN + Merlin.TRUSTSTORE_FILE, trustStore.toAbsolutePath().toString());
        p.setProperty(MERLIN + Merlin.TRUSTSTORE_PASSWORD, new String(trustStorePassword));
        p.setProperty(MERLIN + Merlin.LOAD_CA_CERTS, "false");
        try {
            return CryptoFactory.getInstance(p);
        } catch (WSSecurityException e) {
            throw new IllegalArgumentException("hop keys " + keyStore + " / " + trustStore + ": " + e.getMessage(), e);
        }
    }

    /** Hands WSS4J the private key password for the signing alias, and nothing else. */
    CallbackHandler passwordCallback() {
        String alias = keyAlias;
        String password = new String(keyPassword);
        return (Callback[] callbacks) -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    if (alias.equals(pc.getIdentifier())) {
                        pc.setPassword(password);
                    }
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
    }

    private static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("hop key file " + file + ": cannot be read as PKCS#12: "
                    + e.getMessage(), e);
        }
    }
}
