package org.lexgate.gateway.receipt;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.transform.stream.StreamSource;
import org.lexgate.hi1.common.DictionaryEntry;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.ActionResponse;
import org.lexgate.hi1.core.GETResponse;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.core.LISTRequest;
import org.lexgate.hi1.core.LISTResponse;
import org.lexgate.hi1.core.ListResponseRecord;
import org.lexgate.message.ErrorCode;
import org.lexgate.store.Hi1ObjectType;
import org.lexgate.store.ObjectQuery;
import org.lexgate.store.ObjectStore;
import org.lexgate.store.StoredObject;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.xsd.Hi1Schemas;

/**
 * GET and LIST answered from the node's store, as TS 103 120 clause 6 defines them: GET returns the
 * current version of one object, LIST one record per matching object (type, identifier, country,
 * owner, generation, external identifier, last change). A party sees only the objects it owns
 * (OwnerIdentifier = its unique identifier); asking for any other object is answered 3003 UNKNOWN_OBJECT,
 * exactly as for one that does not exist, so nothing leaks (§32, §56: confidentiality). The
 * service catalogue (GETCSPCONFIG) is not answered by the core: 3001.
 */
public final class StoreQueryAnswers implements QueryAnswers {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final ObjectStore objects;
    private final DatatypeFactory datatypes;

    public StoreQueryAnswers(ObjectStore objects) {
        this.objects = objects;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ActionResponse answer(PartyId requester, ActionRequest request) throws JAXBException {
        BigInteger id = request.getActionIdentifier();
        if (request.getGET() != null) {
            Optional<StoredObject> found = uuid(request.getGET().getIdentifier()).flatMap(objects::get)
                    .filter(o -> requester.uniqueIdentifier().equals(o.owner()));
            if (found.isEmpty()) {
                return QueryAnswers.error(id, ErrorCode.UNKNOWN_OBJECT);
            }
            GETResponse get = new GETResponse();
            get.setHI1Object(unmarshal(found.get().xml()));
            ActionResponse response = QueryAnswers.response(id);
            response.setGETResponse(get);
            return response;
        }
        if (request.getLIST() != null) {
            LISTResponse list = new LISTResponse();
            Optional<ObjectQuery> query = query(requester, request.getLIST());
            for (StoredObject o : query.map(objects::list).orElse(java.util.List.of())) {
                list.getListResponseRecord().add(record(o));
            }
            ActionResponse response = QueryAnswers.response(id);
            response.setLISTResponse(list);
            return response;
        }
        return QueryAnswers.error(id, ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    /** The store query of a LIST; empty when it asks for an object type lexgate never stores. */
    private Optional<ObjectQuery> query(PartyId requester, LISTRequest list) {
        ObjectQuery q = ObjectQuery.all().withOwner(requester.uniqueIdentifier());
        if (list.getObjectType() != null) {
            try {
                q = q.withObjectType(Hi1ObjectType.fromDictionaryValue(list.getObjectType().getValue()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (list.getLastChangedTimespan() != null) {
            q = q.withLastChanged(instant(list.getLastChangedTimespan().getStartTime()),
                    instant(list.getLastChangedTimespan().getEndTime()));
        } else if (list.getLastChanged() != null) {
            q = q.withLastChanged(instant(list.getLastChanged()), null);
        }
        if (list.getStatus() != null) {
            q = q.withStatus(list.getStatus().getValue());
        }
        if (list.getMaximumObjectCount() != null) {
            q = q.withMaximumObjectCount(list.getMaximumObjectCount().min(BigInteger.valueOf(10_000)).intValue());
        }
        if (list.getCountryCode() != null) {
            q = q.withCountryCode(list.getCountryCode());
        }
        return Optional.of(q);
    }

    private ListResponseRecord record(StoredObject o) {
        ListResponseRecord r = new ListResponseRecord();
        DictionaryEntry type = new DictionaryEntry();
        type.setOwner("ETSI");
        type.setName("ObjectType");
        type.setValue(o.type().dictionaryValue());
        r.setObjectType(type);
        r.setIdentifier(o.objectId().toString());
        r.setCountryCode(o.countryCode());
        r.setOwnerIdentifier(o.owner());
        r.setGeneration(BigInteger.valueOf(o.generation()));
        r.setExternalIdentifier(o.externalId());
        if (o.lastChanged() != null) {
            r.setLastChanged(datatypes.newXMLGregorianCalendar(SECONDS.format(o.lastChanged().truncatedTo(ChronoUnit.SECONDS))));
        }
        return r;
    }

    private static HI1Object unmarshal(String xml) throws JAXBException {
        Unmarshaller u = Hi1Schemas.context().createUnmarshaller();
        return u.unmarshal(new StreamSource(new StringReader(xml)), HI1Object.class).getValue();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(XMLGregorianCalendar calendar) {
        return calendar == null ? null : calendar.toGregorianCalendar().toInstant();
    }
}
