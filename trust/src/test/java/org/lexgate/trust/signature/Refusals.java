package org.lexgate.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.message.xml.HardenedXml;
import org.w3c.dom.Document;

/**
 * Asserts the exact refusal of a forged message, by both entries of the verifier: the bytes alone,
 * and the bytes with the DOM a caller already parsed from them.
 */
final class Refusals {

    private Refusals() {
    }

    static void assertRefused(DocumentVerifier verifier, byte[] forged, ErrorCode expected) {
        assertThatThrownBy(() -> verifier.verify(forged))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertCode(e, expected));
        Document parsed;
        try {
            parsed = HardenedXml.parse(forged);
        } catch (MessageRejectedException e) {
            assertCode(e, expected); // refused by the parse, as verify(byte[]) was
            return;
        }
        assertThatThrownBy(() -> verifier.verify(forged, parsed))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertCode(e, expected));
        assertThatThrownBy(() -> verifier.verifyParsed(HardenedXml.parse(forged)))
                .as("verifyParsed refuses as verify does")
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertCode(e, expected));
    }

    private static void assertCode(MessageRejectedException e, ErrorCode expected) {
        assertThat(e.code()).as("error code; detail: %s", e.getMessage()).isEqualTo(expected);
        assertThat(e.getMessage()).as("a detail for the log").isNotBlank();
        assertThat(e.safeText()).isEqualTo(expected.safeText());
    }
}
