package org.lexgate.trust.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.trust.directory.TestCertificates.Issued;
import org.lexgate.trust.pki.SharedTestPki;
import org.lexgate.trust.pki.TestPki;

/** Loading the party directory: valid files load completely, invalid ones report every error and load nothing. */
class PartyDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void directoryWrittenForTheTestPkiLoads() throws Exception {
        TestPki pki = SharedTestPki.get();
        Path file = dir.resolve("directory.xml");
        TestDirectoryWriter.write(pki, file);

        PartyDirectory directory = PartyDirectory.load(file);

        assertThat(directory.parties()).extracting(p -> p.id().toString())
                .containsExactly("XA-AGENCY", "XA-CP", "XB-CP", "XB-PROVIDER", "XA-PROVIDER");
        Party agency = directory.party(new PartyId("XA", "XA-AGENCY")).orElseThrow();
        assertThat(agency.roles()).containsExactly(Role.AGENCY);
        assertThat(agency.grants()).singleElement().satisfies(g -> {
            assertThat(g.dataCategories()).contains("SubscriberData").doesNotContain("ContentData");
            assertThat(g.emergency()).isTrue();
        });
        assertThat(agency.contact().emergency()).hasValueSatisfying(e -> assertThat(e.hours()).contains("24/7"));
        assertThat(agency.endpoints().soap()).isPresent();
        assertThat(directory.anchor(TestDirectoryWriter.ANCHOR_ID)).hasValueSatisfying(a -> {
            assertThat(a.crls()).hasSize(1);
            assertThat(a.revocationChecked()).isTrue();
        });
        assertThat(directory.partiesRecognising(pki.signer(org.lexgate.trust.pki.TestParty.XB_CP).certificate()))
                .extracting(p -> p.id().toString()).containsExactly("XB-CP");
    }

    @Test
    void routesPreferTheNodesOwnRouteAndTheExactLegalBasis() throws Exception {
        Path file = dir.resolve("directory.xml");
        TestDirectoryWriter.write(SharedTestPki.get(), file);
        PartyDirectory directory = PartyDirectory.load(file);
        PartyId agency = PartyId.parse("XA-AGENCY");

        assertThat(directory.route(agency, "XB", Optional.of("BudapestArt29Preservation")))
                .hasValueSatisfying(r -> assertThat(r.nextHop()).isEqualTo(PartyId.parse("XA-CP")));
        assertThat(directory.route(agency, "XB", Optional.of("SecondProtocolArt7SubscriberInformation")))
                .hasValueSatisfying(r -> assertThat(r.nextHop()).isEqualTo(PartyId.parse("XB-PROVIDER")));
        assertThat(directory.route(PartyId.parse("XB-CP"), "XB", Optional.empty()))
                .hasValueSatisfying(r -> assertThat(r.mode()).isEqualTo(RouteMode.GIVE_EFFECT));
        assertThat(directory.route(agency, "XA", Optional.empty()))
                .hasValueSatisfying(r -> assertThat(r.nextHop()).isEqualTo(PartyId.parse("XA-PROVIDER")));
        assertThat(directory.route(agency, "XC", Optional.empty())).isEmpty();
    }

    @Test
    void exampleDirectoryInConfigLoadsAgainstAGeneratedPki() throws Exception {
        Path example = Path.of("..", "config", "directory-example.xml");
        Files.copy(example, dir.resolve("directory-example.xml"));
        Files.createSymbolicLink(dir.resolve("pki"), SharedTestPki.get().directory());

        PartyDirectory directory = PartyDirectory.load(dir.resolve("directory-example.xml"));

        assertThat(directory.parties()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(directory.routes()).isNotEmpty();
    }

    @Test
    void inlinePemAndPinnedSelfSignedCertificatesLoad() throws Exception {
        Issued self = TestCertificates.selfSigned("CN=XX-ACTOR01,O=Example,C=XX");
        String xml = header() + party("XX", "ACTOR01", "provider",
                "<pinned>\n" + TestCertificates.pem(self.certificate()) + "</pinned>") + footer("");
        PartyDirectory directory = PartyDirectory.load(write(xml));

        Party actor = directory.party(PartyId.parse("XX:ACTOR01")).orElseThrow();
        assertThat(actor.pinned()).containsExactly(self.certificate());
        assertThat(actor.id().toString()).isEqualTo("XX:ACTOR01");
    }

    @Test
    void brokenDirectoryReportsEveryErrorWithFileLineAndReasonAndLoadsNothing() throws Exception {
        Issued ca = TestCertificates.ca("CN=Test CA,C=XA");
        TestCertificates.writePem(dir.resolve("ca.pem"), ca.certificate());
        TestCertificates.writePem(dir.resolve("ca.crl"), TestCertificates.crl(ca, Duration.ofDays(30)));
        String anchored = "<anchored anchor=\"ca\"><subject><commonName>A</commonName></subject></anchored>";
        String xml = header()
                + "  <trustAnchors>\n"
                + "    <trustAnchor id=\"ca\"><certificate file=\"ca.pem\"/><crl file=\"ca.crl\"/></trustAnchor>\n"
                + "  </trustAnchors>\n"
                + "  <parties>\n"
                + partyBody("XA", "XA-ONE", "agency police", anchored)          // schema: unknown role
                + partyBody("XA", "XA-TWO", "agency", anchored)
                + partyBody("XA", "XA-TWO", "agency", anchored)                 // duplicate id
                + partyBody("XA", "XA-THREE", "provider", "<pinned file=\"missing.pem\"/>") // unreadable certificate
                + "  </parties>\n"
                + "  <routes>\n"
                + "    <route country=\"XB\" nextHop=\"XB-NOWHERE\"/>\n"          // unknown next hop
                + "  </routes>\n"
                + "</directory>\n";
        Path file = write(xml);

        assertThatThrownBy(() -> PartyDirectory.load(file))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    List<DirectoryError> errors = e.errors();
                    assertThat(errors).hasSize(4);
                    assertThat(errors).allSatisfy(error -> assertThat(error.file()).isEqualTo(file));
                    assertThat(errors.get(0).line()).isEqualTo(lineOf(xml, "agency police"));
                    assertThat(errors.get(0).reason()).startsWith("schema: ").contains("police");
                    assertThat(errors.get(1).line()).isEqualTo(nthLineOf(xml, "uniqueIdentifier=\"XA-TWO\"", 2));
                    assertThat(errors.get(1).reason()).contains("duplicate party id XA-TWO")
                            .contains("first defined at line " + lineOf(xml, "uniqueIdentifier=\"XA-TWO\""));
                    assertThat(errors.get(2).line()).isEqualTo(lineOf(xml, "missing.pem"));
                    assertThat(errors.get(2).reason()).contains("unreadable certificate").contains("missing.pem").endsWith("file not found");
                    assertThat(errors.get(3).line()).isEqualTo(lineOf(xml, "XB-NOWHERE"));
                    assertThat(errors.get(3).reason()).contains("XB-NOWHERE is not a party");
                    assertThat(e.getMessage()).contains(file + ":" + lineOf(xml, "agency police") + ": schema: ");
                });
    }

    @Test
    void trustAnchorProblemsAreEachReported() throws Exception {
        Issued ca = TestCertificates.ca("CN=Test CA,C=XA");
        Issued other = TestCertificates.ca("CN=Other CA,C=XA");
        Issued notCa = TestCertificates.signer(ca, "CN=Not a CA,C=XA");
        TestCertificates.writePem(dir.resolve("ca.pem"), ca.certificate());
        TestCertificates.writePem(dir.resolve("not-ca.pem"), notCa.certificate());
        TestCertificates.writePem(dir.resolve("other.crl"), TestCertificates.crl(other, Duration.ofDays(30)));
        String xml = header()
                + "  <trustAnchors>\n"
                + "    <trustAnchor id=\"wrong-crl\"><certificate file=\"ca.pem\"/>\n"
                + "      <crl file=\"other.crl\"/></trustAnchor>\n"
                + "    <trustAnchor id=\"not-a-ca\" revocation=\"none\"><certificate file=\"not-ca.pem\"/></trustAnchor>\n"
                + "    <trustAnchor id=\"no-crl\"><certificate file=\"ca.pem\"/></trustAnchor>\n"
                + "    <trustAnchor id=\"no-crl\" revocation=\"none\"><certificate file=\"ca.pem\"/></trustAnchor>\n"
                + "  </trustAnchors>\n"
                + "  <parties>\n"
                + partyBody("XA", "XA-ONE", "agency",
                        "<anchored anchor=\"nowhere\"><subject><commonName>A</commonName></subject></anchored>")
                + partyBody("XA", "XA-TWO", "agency",
                        "<anchored anchor=\"no-crl\"><subject><dnPattern>CN=(</dnPattern></subject></anchored>")
                + partyBody("XA", "XA-THREE", "agency", "<anchored anchor=\"no-crl\"><subject/></anchored>")
                + "  </parties>\n"
                + "</directory>\n";
        Path file = write(xml);

        assertThatThrownBy(() -> PartyDirectory.load(file))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.errors()).extracting(DirectoryError::reason).satisfiesExactly(
                            r -> assertThat(r).contains("wrong-crl").contains("CN=Other CA").contains("not by the anchor"),
                            r -> assertThat(r).contains("not-a-ca").contains("is not a CA certificate"),
                            r -> assertThat(r).contains("no-crl").contains("lists no CRL"),
                            r -> assertThat(r).contains("duplicate trust anchor id 'no-crl'"),
                            r -> assertThat(r).contains("XA-ONE").contains("unknown trust anchor 'nowhere'"),
                            r -> assertThat(r).contains("XA-TWO").contains("dnPattern is not a valid regular expression"),
                            r -> assertThat(r).contains("XA-THREE").contains("subject constraint is empty"));
                    assertThat(e.errors().get(0).line()).isEqualTo(lineOf(xml, "other.crl"));
                    assertThat(e.errors().get(1).line()).isEqualTo(lineOf(xml, "not-ca.pem"));
                    assertThat(e.errors().get(4).line()).isEqualTo(lineOf(xml, "anchor=\"nowhere\""));
                });
    }

    @Test
    void notWellFormedFileReportsItsLine() throws Exception {
        String xml = header() + "  <parties>\n    <party country=\"XA\"\n  </parties>\n</directory>\n";
        Path file = write(xml);

        assertThatThrownBy(() -> PartyDirectory.load(file))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.line()).isEqualTo(lineOf(xml, "</parties>"));
                            assertThat(error.reason()).startsWith("not well-formed XML: ");
                        }));
    }

    @Test
    void doctypeAndExternalEntitiesAreRefused() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE directory [<!ENTITY x SYSTEM \"secret.txt\">]>\n"
                + "<directory xmlns=\"" + PartyDirectory.NAMESPACE + "\" version=\"1\"><description>&x;</description>"
                + "<parties/></directory>\n";
        Path file = write(xml);

        assertThatThrownBy(() -> PartyDirectory.load(file))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.reason()).contains("DOCTYPE"));
                    assertThat(e.getMessage()).doesNotContain("SECRET");
                });
    }

    @Test
    void giveEffectOnlyAtAContactPointAndNextHopNeedsAnEndpoint() throws Exception {
        Issued self = TestCertificates.selfSigned("CN=A,C=XA");
        Issued self2 = TestCertificates.selfSigned("CN=B,C=XB");
        String pinnedA = "<pinned>" + TestCertificates.pem(self.certificate()) + "</pinned>";
        String pinnedB = "<pinned>" + TestCertificates.pem(self2.certificate()) + "</pinned>";
        String xml = header() + "  <parties>\n"
                + partyBody("XA", "XA-AGENCY", "agency", pinnedA)
                + partyBody("XB", "XB-PROVIDER", "provider", pinnedB).replace("<endpoints>", "<!--").replace("</endpoints>", "-->")
                + "  </parties>\n  <routes>\n"
                + "    <route from=\"XA-AGENCY\" country=\"XB\" nextHop=\"XB-PROVIDER\" mode=\"give-effect\"/>\n"
                + "  </routes>\n</directory>\n";
        Path file = write(xml);

        assertThatThrownBy(() -> PartyDirectory.load(file))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.errors())
                        .extracting(DirectoryError::reason)
                        .satisfiesExactly(
                                r -> assertThat(r).contains("XB-PROVIDER has no endpoint"),
                                r -> assertThat(r).contains("only a contact-point or mla-authority")));
    }

    // --- helpers ---

    private Path write(String xml) throws IOException {
        Path file = dir.resolve("directory.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    static String header() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<directory xmlns=\"" + PartyDirectory.NAMESPACE + "\" version=\"1\">\n";
    }

    static String footer(String routes) {
        return "  </parties>\n" + routes + "</directory>\n";
    }

    static String party(String country, String unique, String roles, String signing) {
        return "  <parties>\n" + partyBody(country, unique, roles, signing);
    }

    static String partyBody(String country, String unique, String roles, String signing) {
        return "    <party country=\"" + country + "\" uniqueIdentifier=\"" + unique + "\">\n"
                + "      <name>" + unique + "</name>\n"
                + "      <roles>" + roles + "</roles>\n"
                + "      <endpoints><soap>https://" + unique.toLowerCase() + ".example/soap</soap></endpoints>\n"
                + "      <signing>\n        " + signing + "\n      </signing>\n"
                + "    </party>\n";
    }

    static int lineOf(String text, String marker) {
        return nthLineOf(text, marker, 1);
    }

    static int nthLineOf(String text, String marker, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(marker, at + 1);
            if (at < 0) {
                throw new IllegalArgumentException("marker not found: " + marker);
            }
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
