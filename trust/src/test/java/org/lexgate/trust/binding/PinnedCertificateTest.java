package org.lexgate.trust.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.trust.binding.SenderBindingTest.assertRefused;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.message.ErrorCode;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.TestCertificates;
import org.lexgate.trust.directory.TestCertificates.Issued;

/**
 * Parties recognised by a pinned certificate (a peer without a CA, such as an xmlsec1 user), and
 * keys outside the algorithm profile, with certificates made for the test.
 */
class PinnedCertificateTest {

    static final PartyId ACTOR = new PartyId("XX", "ACTOR01");
    static final PartyId OTHER = new PartyId("XX", "ACTOR02");

    @TempDir
    Path dir;

    @Test
    void pinnedSelfSignedCertificateIsItsOwnAnchor() throws Exception {
        Issued actor = TestCertificates.selfSigned("CN=ACTOR01,C=XX");
        Issued other = TestCertificates.selfSigned("CN=ACTOR02,C=XX");
        SenderBinding binding = new SenderBinding(directory(actor, other));

        assertThat(binding.bind(actor.certificate(), ACTOR, Instant.now()).id()).isEqualTo(ACTOR);
        assertRefused(() -> binding.bind(other.certificate(), ACTOR, Instant.now()), ErrorCode.SIGNER_NOT_SENDER);
        assertRefused(() -> binding.bind(TestCertificates.selfSigned("CN=ACTOR01,C=XX").certificate(), ACTOR,
                Instant.now()), ErrorCode.CERTIFICATE_UNTRUSTED);
        assertRefused(() -> binding.bind(actor.certificate(), ACTOR, Instant.now().plus(Duration.ofDays(400))),
                ErrorCode.CERTIFICATE_EXPIRED);
    }

    @Test
    void ecKeyOnP521IsOutsideTheProfile() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp521r1"));
        Issued ca = TestCertificates.ca("CN=CA,C=XX");
        Issued p521 = TestCertificates.signer(ca, "CN=ACTOR01,C=XX", generator.generateKeyPair(),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));

        assertRefused(() -> KeyPolicy.check(p521.certificate()), ErrorCode.CERTIFICATE_KEY_TOO_WEAK);
        KeyPolicy.check(TestCertificates.signer(ca, "CN=ok").certificate()); // P-256 passes
    }

    private PartyDirectory directory(Issued actor, Issued other) throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<directory xmlns=\"" + PartyDirectory.NAMESPACE + "\" version=\"1\"><parties>"
                + party(ACTOR, actor) + party(OTHER, other) + "</parties></directory>\n";
        Path file = dir.resolve("directory.xml");
        Files.writeString(file, xml);
        return PartyDirectory.load(file);
    }

    private static String party(PartyId id, Issued issued) {
        return "<party country=\"" + id.countryCode() + "\" uniqueIdentifier=\"" + id.uniqueIdentifier() + "\">"
                + "<name>" + id + "</name><roles>agency</roles><signing><pinned>"
                + TestCertificates.pem(issued.certificate()) + "</pinned></signing>"
                + "<authority><grant><actions>CREATE</actions><objectTypes>LDTaskObject</objectTypes></grant></authority>"
                + "</party>";
    }
}
