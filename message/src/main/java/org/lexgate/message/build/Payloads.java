package org.lexgate.message.build;

import java.math.BigInteger;
import java.util.List;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.ActionRequests;
import org.lexgate.hi1.core.ActionResponse;
import org.lexgate.hi1.core.ActionResponses;
import org.lexgate.hi1.core.AssociatedObjects;
import org.lexgate.hi1.core.CREATERequest;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.core.MessagePayload;
import org.lexgate.hi1.core.RequestPayload;
import org.lexgate.hi1.core.ResponsePayload;
import org.lexgate.hi1.core.UPDATERequest;

/** The JAXB plumbing the builders share: actions, payloads, object identity. */
final class Payloads {

    private Payloads() {
    }

    static MessagePayload requests(List<ActionRequest> actions) {
        ActionRequests list = new ActionRequests();
        for (int i = 0; i < actions.size(); i++) {
            actions.get(i).setActionIdentifier(BigInteger.valueOf(i));
            list.getActionRequest().add(actions.get(i));
        }
        RequestPayload request = new RequestPayload();
        request.setActionRequests(list);
        MessagePayload payload = new MessagePayload();
        payload.setRequestPayload(request);
        return payload;
    }

    static MessagePayload responses(List<ActionResponse> actions) {
        ActionResponses list = new ActionResponses();
        list.getActionResponse().addAll(actions);
        ResponsePayload response = new ResponsePayload();
        response.setActionResponses(list);
        MessagePayload payload = new MessagePayload();
        payload.setResponsePayload(response);
        return payload;
    }

    static ActionRequest create(HI1Object object) {
        CREATERequest create = new CREATERequest();
        create.setHI1Object(object);
        ActionRequest action = new ActionRequest();
        action.setCREATE(create);
        return action;
    }

    static ActionRequest update(HI1Object object) {
        UPDATERequest update = new UPDATERequest();
        update.setHI1Object(object);
        ActionRequest action = new ActionRequest();
        action.setUPDATE(update);
        return action;
    }

    /** A new object: identifier, the owner's country and identifier (as ETSI's examples write them), associations. */
    static <T extends HI1Object> T owned(T object, String id, Party owner, String... associated) {
        object.setObjectIdentifier(id);
        object.setCountryCode(owner.countryCode());
        object.setOwnerIdentifier(owner.uniqueIdentifier());
        return associate(object, associated);
    }

    static <T extends HI1Object> T associate(T object, String... associated) {
        if (associated.length > 0) {
            AssociatedObjects list = object.getAssociatedObjects() != null ? object.getAssociatedObjects() : new AssociatedObjects();
            list.getAssociatedObject().addAll(List.of(associated));
            object.setAssociatedObjects(list);
        }
        return object;
    }
}
