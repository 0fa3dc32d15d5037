package org.lexgate.trust.pki;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The README.txt written into a generated test PKI. */
final class TestPkiReadme {

    private TestPkiReadme() {
    }

    static String text(TestPki pki) {
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
        StringBuilder identities = new StringBuilder();
        for (TestIdentity id : pki.identities()) {
            identities.append(String.format("  %-20s %-9s %-12s %s .. %s  %s%n", id.alias(), id.keyDescription(),
                    id.party().id(), day.format(id.certificate().getNotBefore().toInstant()),
                    day.format(id.certificate().getNotAfter().toInstant()),
                    id.bad().map(b -> "BAD: " + b.name()).orElse("good")));
        }
        return """
                NOT FOR PRODUCTION - lexgate test PKI
                =====================================

                Generated %s by org.lexgate.trust.pki.TestPki (lexgate pki init DIR, or the tests).
                Every key in this directory is a throwaway development key. Never use it, or trust the
                root CA below, outside tests and demonstrations. Every certificate's CN and O end in
                "(NOT FOR PRODUCTION)".

                Password of every .p12 keystore (and of its key entry): %s
                This fixed, documented password is acceptable for this test PKI only.
                The .key.pem files are the same keys as unencrypted PKCS#8, for xmlsec1 and openssl.

                Layout
                  ca/root-ca.cert.pem, ca/root-ca.p12     development root CA "%s"
                  ca/root-ca.crl.pem, ca/root-ca.crl      its CRL (PEM and DER); lists bad-revoked; next update in one year
                  unknown-ca/unknown-ca.cert.pem, .p12    a CA that nobody trusts; issued bad-unknown-ca
                  parties/ALIAS.p12, .cert.pem, .key.pem  good document signers
                  bad/ALIAS.p12, .cert.pem, .key.pem      deliberately bad signers; each claims to be XA-AGENCY

                Each keystore holds one key entry named after its alias, with the chain [signer, issuing CA].
                Subjects: C=<country>, O=<organisation> (NOT FOR PRODUCTION), CN=<party id> (NOT FOR PRODUCTION);
                SubjectAltName URI urn:lexgate:party:<CountryCode>:<party id>.

                Signers (alias, key, party, validity, status)
                %s

                Bad signers, each wrong in exactly one way:
                  bad-expired         validity ended 30 days before generation
                  bad-not-yet-valid   validity starts 30 days after generation
                  bad-revoked         listed in ca/root-ca.crl (keyCompromise)
                  bad-unknown-ca      issued by unknown-ca, not by the development root CA
                  bad-rsa-1024        RSA-1024 key
                  bad-wrong-subject   right CA, valid, but subject CN=XA-ROGUE, O=Unlisted Organisation

                Parties: XA-AGENCY (agency, XA), XA-CP (contact point, XA), XB-CP (contact point, XB),
                XB-PROVIDER (provider, XB), XA-PROVIDER (provider, XA). XA and XB are ISO 3166 user-assigned
                codes: fictional countries.
                """.formatted(day.format(pki.generatedAt()), TestPki.KEYSTORE_PASSWORD,
                pki.rootCertificate().getSubjectX500Principal().getName(), identities.toString().stripTrailing());
    }
}
