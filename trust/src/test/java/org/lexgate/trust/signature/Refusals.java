package org.lexgate.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;

/** Asserts the exact refusal of a forged message. */
final class Refusals {

    private Refusals() {
    }

    static void assertRefused(DocumentVerifier verifier, byte[] forged, ErrorCode expected) {
        assertThatThrownBy(() -> verifier.verify(forged))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.code()).as("error code; detail: %s", e.getMessage()).isEqualTo(expected);
                    assertThat(e.getMessage()).as("a detail for the log").isNotBlank();
                    assertThat(e.safeText()).isEqualTo(expected.safeText());
                });
    }
}
