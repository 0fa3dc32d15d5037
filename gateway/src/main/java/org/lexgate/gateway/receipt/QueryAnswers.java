package org.lexgate.gateway.receipt;

import java.math.BigInteger;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.ActionResponse;
import org.lexgate.hi1.core.ActionUnsuccesfulInformation;
import org.lexgate.hi1.core.LISTResponse;
import org.lexgate.message.ErrorCode;
import org.lexgate.trust.directory.PartyId;

/**
 * The synchronous answers of ETSI TS 103 120: GET, LIST and GETCSPCONFIG are answered in the
 * response to the request itself (clause 6), so the receipt carries them. The node answers GET and
 * LIST from its store ({@code StoreQueryAnswers}); a role may supply its own answers (a provider's
 * service catalogue).
 */
public interface QueryAnswers {

    /**
     * The ActionResponse for a GET, LIST or GETCSPCONFIG action from {@code requester}. Never throws
     * for an unknown object: that is an ErrorInformation (3003) in the response.
     */
    ActionResponse answer(PartyId requester, ActionRequest request) throws Exception;

    /** Answers without a store: GET finds nothing (3003), LIST is empty, GETCSPCONFIG is not supported (3001). */
    static QueryAnswers none() {
        return (requester, request) -> {
            if (request.getLIST() != null) {
                ActionResponse response = response(request.getActionIdentifier());
                response.setLISTResponse(new LISTResponse());
                return response;
            }
            return error(request.getActionIdentifier(),
                    request.getGET() != null ? ErrorCode.UNKNOWN_OBJECT : ErrorCode.FEATURE_NOT_SUPPORTED);
        };
    }

    /** An empty ActionResponse for an action. */
    static ActionResponse response(BigInteger actionIdentifier) {
        ActionResponse response = new ActionResponse();
        response.setActionIdentifier(actionIdentifier);
        return response;
    }

    /** An action-level ErrorInformation with the code and its safe text. */
    static ActionResponse error(BigInteger actionIdentifier, ErrorCode code) {
        ActionResponse response = response(actionIdentifier);
        ActionUnsuccesfulInformation error = new ActionUnsuccesfulInformation();
        error.setErrorCode(BigInteger.valueOf(code.code()));
        error.setErrorDescription(code.safeText());
        response.setErrorInformation(error);
        return response;
    }
}
