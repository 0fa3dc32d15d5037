package org.lexgate.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.signature.DocumentVerifier;

/**
 * Rule: the whole message carries one enveloped document signature in lexgate's profile, and it
 * verifies on the exact bytes received, as a standalone document (9101–9108). The DOM verified is the
 * one {@link ParseWithLimits} made of those bytes (parsed once, never re-read); from here on the node
 * reads only that verified DOM. Serves §24 and §51 (the source of a request is
 * verifiable) and §25, §52 (a documentary trail that still proves who said what).
 */
final class VerifyDocumentSignature implements Processor {

    private final DocumentVerifier verifier;

    VerifyDocumentSignature(DocumentVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void process(Exchange exchange) throws MessageRejectedException {
        InboundState state = InboundState.of(exchange);
        // Bytes in pieces (a large request body) are not joined for the verifier: the state holds them.
        state.verified = state.body.isArray() ? verifier.verify(state.body.toArray(), state.parsed)
                : verifier.verifyParsed(state.parsed);
    }
}
