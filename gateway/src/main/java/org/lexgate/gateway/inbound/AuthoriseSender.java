package org.lexgate.gateway.inbound;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.binding.AuthorityExtractor;
import org.lexgate.trust.binding.MessageClaims;
import org.lexgate.trust.binding.SenderBinding;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Rule: "a message is accepted only when its document signer is the party named in its header, that
 * party is known to the node's party directory, and it is allowed to ask for what it asks"
 * (DESIGN.md; §22, §24, §51): the sender binding (9201–9210). Only then is the typed message bound —
 * from the verified DOM — and its urgency read: IsEmergency or High priority puts it on the
 * emergency lane (§30, §34).
 */
final class AuthoriseSender implements Processor {

    private static final String AUTHORISATION = "http://uri.etsi.org/03120/common/2020/09/Authorisation";
    private static final String COMMON = "http://uri.etsi.org/03120/common/2016/02/Common";

    private final SenderBinding binding;
    private final Hi1Codec codec;
    private final Clock clock;

    AuthoriseSender(SenderBinding binding, Hi1Codec codec, Clock clock) {
        this.binding = binding;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws MessageRejectedException {
        InboundState state = InboundState.of(exchange);
        Document verified = state.verified.document();
        MessageClaims claims = AuthorityExtractor.extract(verified);
        state.sender = binding.accept(state.verified.signerCertificate(), claims, clock.instant());
        state.message = codec.bind(verified);
        Hi1View view = new Hi1View(state.message);
        state.caseReference = view.caseReference().orElse(null);
        state.emergency = view.isEmergency() || claims.requested().emergency() || highPriority(verified);
    }

    /** ETSI AuthorisationPriority "High" (lexgate's dictionary for §30). */
    static boolean highPriority(Document document) {
        NodeList priorities = document.getElementsByTagNameNS(AUTHORISATION, "AuthorisationPriority");
        for (int i = 0; i < priorities.getLength(); i++) {
            NodeList values = ((Element) priorities.item(i)).getElementsByTagNameNS(COMMON, "Value");
            if (values.getLength() > 0 && "High".equals(values.item(0).getTextContent().trim())) {
                return true;
            }
        }
        return false;
    }
}
