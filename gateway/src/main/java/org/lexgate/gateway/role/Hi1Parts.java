package org.lexgate.gateway.role;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.lexgate.hi1.common.ChecksumAndType;
import org.lexgate.hi1.common.ListOfChecksumAndType;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.ActionRequests;
import org.lexgate.hi1.core.AssociatedObjects;
import org.lexgate.hi1.core.CREATERequest;
import org.lexgate.hi1.core.EndpointID;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.document.DocumentBody;
import org.lexgate.hi1.document.DocumentObject;
import org.lexgate.hi1.lexgate.ForeignRequestDocument;
import org.lexgate.hi1.lexgate.RequestReference;
import org.lexgate.message.build.DeliveryBuilder;
import org.lexgate.message.build.Entries;
import org.lexgate.trust.directory.PartyId;

/**
 * Small JAXB pieces the roles add to messages the builders make: a signed message attached as a
 * {@code doc:DocumentObject} (the foreign request a contact point gives effect to, or a provider's
 * signed answer it relays back, §36), request references, stable identifiers, and times.
 */
public final class Hi1Parts {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DatatypeFactory FACTORY = factory();

    private Hi1Parts() {
    }

    /**
     * A stable UUID derived from its parts: the same inputs after a crash give the same identifier,
     * so a message the roles produce twice has one business key and one effect at the receiver.
     */
    public static UUID stableId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }

    public static EndpointID endpoint(PartyId id) {
        EndpointID e = new EndpointID();
        e.setCountryCode(id.countryCode());
        e.setUniqueIdentifier(id.uniqueIdentifier());
        return e;
    }

    /** etsi:QualifiedDateTime (whole seconds, Z). */
    public static XMLGregorianCalendar qualified(Instant instant) {
        return FACTORY.newXMLGregorianCalendar(SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS)));
    }

    /** etsi:QualifiedMicrosecondDateTime (the header Timestamp). */
    public static XMLGregorianCalendar microseconds(Instant instant) {
        return FACTORY.newXMLGregorianCalendar(MICROS.format(instant.truncatedTo(ChronoUnit.MICROS)));
    }

    /** A lexgate RequestReference to a message (and one of its objects). */
    public static RequestReference reference(PartyId sender, String transactionId, String objectId, String registration) {
        RequestReference r = new RequestReference();
        r.setSender(endpoint(sender));
        r.setTransactionIdentifier(transactionId);
        r.setObjectIdentifier(objectId);
        r.setReference(registration);
        return r;
    }

    /**
     * A DocumentObject carrying a signed HI-1 message byte for byte (base64 in DocumentBody, with its
     * SHA-256), typed with lexgate's DocumentType {@code ForeignRequest} and described by a
     * {@code lexgate:ForeignRequestDocument} naming the original message.
     */
    public static DocumentObject signedDocument(String objectId, PartyId owner, byte[] signedBytes, String name,
            RequestReference original, Instant receivedAt, String... associated) {
        DocumentObject d = new DocumentObject();
        d.setObjectIdentifier(objectId);
        d.setCountryCode(owner.countryCode());
        d.setOwnerIdentifier(owner.uniqueIdentifier());
        if (associated.length > 0) {
            AssociatedObjects list = new AssociatedObjects();
            list.getAssociatedObject().addAll(List.of(associated));
            d.setAssociatedObjects(list);
        }
        d.setDocumentName(name);
        d.setDocumentType(Entries.lexgate("DocumentType", "ForeignRequest"));
        DocumentBody body = new DocumentBody();
        body.setContents(signedBytes.clone());
        body.setContentType("application/xml");
        String sha = DeliveryBuilder.sha256(signedBytes);
        body.setChecksum(sha);
        body.setChecksumType(DeliveryBuilder.SHA_256);
        d.setDocumentBody(body);
        ForeignRequestDocument p = new ForeignRequestDocument();
        p.setCountryCode(owner.countryCode());
        p.setOriginalRequest(original);
        p.setReceivedAt(qualified(receivedAt));
        ChecksumAndType c = new ChecksumAndType();
        c.setChecksum(sha);
        c.setChecksumType(DeliveryBuilder.SHA_256);
        ListOfChecksumAndType checksums = new ListOfChecksumAndType();
        checksums.getChecksumAndType().add(c);
        p.setChecksums(checksums);
        d.setNationalDocumentParameters(p);
        return d;
    }

    /** Appends CREATE actions to a request message, numbering every action again from 0. */
    public static void appendCreates(HI1Message message, HI1Object... objects) {
        ActionRequests actions = message.getPayload().getRequestPayload().getActionRequests();
        for (HI1Object o : objects) {
            CREATERequest create = new CREATERequest();
            create.setHI1Object(o);
            ActionRequest a = new ActionRequest();
            a.setCREATE(create);
            actions.getActionRequest().add(a);
        }
        renumber(actions);
    }

    public static void renumber(ActionRequests actions) {
        for (int i = 0; i < actions.getActionRequest().size(); i++) {
            actions.getActionRequest().get(i).setActionIdentifier(BigInteger.valueOf(i));
        }
    }

    private static DatatypeFactory factory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no javax.xml.datatype implementation", e);
        }
    }
}
