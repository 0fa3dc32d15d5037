package org.lexgate.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.message.ErrorCode.SIGNATURE_DIGEST_MISMATCH;
import static org.lexgate.trust.signature.Refusals.assertRefused;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lexgate.trust.pki.SharedTestPki;
import org.lexgate.trust.pki.TestParty;
import org.w3c.dom.Element;

/**
 * A text of megabytes, which the hardened parser holds as consecutive text nodes of just under 2^20 characters
 * (message module, {@code TextChunks}), is signed and verified as the one text it is: canonicalised
 * whole, a character changed anywhere in it breaks the digest, and a character outside the BMP at a
 * node boundary stays one character.
 */
class LargeTextSignatureTest {

    /** The parser's text node size (TextChunks.NODE_CHARS). */
    private static final int NODE_CHARS = (1 << 20) - 64;
    private static final String VALUE = "suspect@example.org";

    private static DocumentSigner signer;
    private final DocumentVerifier verifier = new DocumentVerifier();

    @BeforeAll
    static void signer() throws Exception {
        signer = new DocumentSigner(SharedTestPki.get().signer(TestParty.XA_AGENCY).credential());
    }

    /** The task:Value that was grown (it starts with {@link #VALUE}). */
    private static Element grownValue(VerifiedDocument verified) {
        org.w3c.dom.NodeList values = verified.document().getElementsByTagNameNS("*", "Value");
        for (int i = 0; i < values.getLength(); i++) {
            if (values.item(i).getTextContent().startsWith(VALUE)) {
                return (Element) values.item(i);
            }
        }
        throw new AssertionError("no task:Value starting with " + VALUE);
    }

    /**
     * The request with its task:Value grown to {@code text}, without its comment (the verifier
     * removes comments and then joins the texts they split: the DOM would hold the text as one node).
     */
    private static byte[] withValue(String text) {
        String request = new String(Fixtures.preservationRequest(), StandardCharsets.UTF_8)
                .replaceAll("(?s)<!--.*?-->", "");
        return Fixtures.replaceOnce(request.getBytes(StandardCharsets.UTF_8), VALUE, text);
    }

    @Test
    void aMultiMegabyteTextSignsAndVerifiesAndOneChangedCharacterIsCaught() throws Exception {
        String text = VALUE + "-0123456789abcdef".repeat(3 * NODE_CHARS / 17);
        byte[] signed = signer.sign(withValue(text));

        VerifiedDocument verified = verifier.verify(signed);

        Element value = grownValue(verified);
        assertThat(value.getTextContent().equals(text)).as("the text, whole").isTrue();
        assertThat(value.getChildNodes().getLength()).as("held as several text nodes").isGreaterThan(1);
        String s = new String(signed, StandardCharsets.UTF_8);
        int middle = s.indexOf(text) + 2 * NODE_CHARS + 5;
        char c = s.charAt(middle);
        byte[] forged = (s.substring(0, middle) + (c == 'a' ? 'b' : 'a') + s.substring(middle + 1))
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(verifier, forged, SIGNATURE_DIGEST_MISMATCH);

        VerifiedDocument fromParsed = verifier.verifyParsed(org.lexgate.message.xml.HardenedXml.parse(signed));
        assertThat(fromParsed.signerCertificate()).isEqualTo(verified.signerCertificate());
        assertThat(grownValue(fromParsed).getTextContent().equals(text)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(fromParsed::bytes)
                .as("verifyParsed keeps no bytes").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCharacterOutsideTheBmpAtANodeBoundaryVerifies() throws Exception {
        for (int shift = -2; shift <= 1; shift++) {
            // The text starts with VALUE: put the pair's high surrogate at (about) the last place of a node.
            String text = VALUE + "x".repeat(NODE_CHARS - 1 - VALUE.length() + shift) + "\uD83D\uDE00" + "y".repeat(1000);
            byte[] signed = signer.sign(withValue(text));

            VerifiedDocument verified = verifier.verify(signed);

            assertThat(grownValue(verified).getTextContent().equals(text)).as("shift %d", shift).isTrue();
            assertThat(grownValue(verified).getChildNodes().getLength()).as("shift %d", shift).isEqualTo(2);
        }
    }
}
