package org.lexgate.gateway.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.lexgate.soap.HopKeys;
import org.lexgate.soap.HopSecurity;
import org.lexgate.soap.HopTls;
import org.lexgate.soap.NeighbourPolicy;
import org.lexgate.trust.directory.Anchor;
import org.lexgate.trust.directory.Party;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;

/**
 * The SOAP hop as configured: this node's hop key, the anchors hop signers must chain to, and which
 * verified hop signers are neighbours (issue 3 item 4: "the hop signer must be the neighbour the
 * directory names"). Anchors given as PEM, or taken from the party directory (the default), are
 * written to a PKCS#12 truststore under the data folder with a fresh random password at every start.
 */
public final class HopSetup {

    private final HopSecurity security;
    private final Optional<HopTls> tls;

    private HopSetup(HopSecurity security, Optional<HopTls> tls) {
        this.security = security;
        this.tls = tls;
    }

    /** Reads the hop keys of a configuration (the truststore is materialised under {@code DATA/hop}). */
    public static HopSetup of(NodeConfig config, PartyDirectory directory) throws IOException, GeneralSecurityException {
        NodeConfig.Hop hop = config.hop();
        Path trustStore;
        char[] trustPassword;
        Optional<Path> anchors = hop.trustAnchors();
        if (anchors.isPresent() && isPkcs12(anchors.get())) {
            trustStore = anchors.get();
            trustPassword = hop.trustAnchorsPassword();
        } else {
            List<X509Certificate> certificates = anchors.isPresent() ? readPem(anchors.get())
                    : directory.anchors().stream().map(Anchor::certificate).toList();
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no hop trust anchors: the directory " + directory.source()
                        + " has none and <hop trustAnchors> is not set");
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            trustPassword = HexFormat.of().formatHex(random).toCharArray();
            trustStore = config.dataDirectory().resolve("hop").resolve("truststore.p12");
            writeTrustStore(trustStore, certificates, trustPassword);
        }
        HopKeys keys = HopKeys.of(hop.key().keystore(), hop.key().password(), hop.key().alias(), trustStore, trustPassword);
        keys.check();
        HopSecurity security = new HopSecurity(keys, hop.timestampTtl(), hop.clockSkew());
        Optional<HopTls> tls = switch (hop.tls()) {
            case NONE -> Optional.empty();
            case TLS -> Optional.of(new HopTls(keys, false));
            case MUTUAL -> Optional.of(HopTls.mutual(keys));
        };
        return new HopSetup(security, tls);
    }

    public HopSecurity security() {
        return security;
    }

    /** TLS for an https endpoint or destination, if configured. */
    public Optional<HopTls> tls() {
        return tls;
    }

    /** TLS settings for a client to an https peer: the configured ones, or TLS with this node's hop key. */
    public HopTls clientTls() {
        return tls.orElseGet(() -> new HopTls(security.keys(), false));
    }

    /** Inbound: a verified hop signer is a neighbour when the directory recognises it as a party other than us. */
    public static NeighbourPolicy anyParty(PartyDirectory directory, PartyId self) {
        return signer -> {
            List<Party> owners = directory.partiesRecognising(signer);
            return owners.stream().filter(p -> !p.id().equals(self)).findFirst()
                    .<NeighbourPolicy.Verdict>map(p -> new NeighbourPolicy.Neighbour(p.id().toString()))
                    .orElseGet(() -> new NeighbourPolicy.NotNeighbour("hop signer "
                            + signer.getSubjectX500Principal().getName() + " is no party of the directory"));
        };
    }

    /** Outbound: the receipt's hop signer must be the destination itself. */
    public static NeighbourPolicy only(PartyDirectory directory, PartyId party) {
        return signer -> directory.party(party).filter(p -> p.recognises(signer))
                .<NeighbourPolicy.Verdict>map(p -> new NeighbourPolicy.Neighbour(p.id().toString()))
                .orElseGet(() -> new NeighbourPolicy.NotNeighbour("hop signer "
                        + signer.getSubjectX500Principal().getName() + " is not " + party));
    }

    private static boolean isPkcs12(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }

    private static List<X509Certificate> readPem(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> list = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                list.add((X509Certificate) c);
            }
            return list;
        }
    }

    private static void writeTrustStore(Path file, List<X509Certificate> certificates, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("anchor-" + i, certificates.get(i));
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "truststore", ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            store.store(out, password);
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
