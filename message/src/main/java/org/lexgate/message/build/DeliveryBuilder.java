package org.lexgate.message.build;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.DELIVERRequest;
import org.lexgate.hi1.core.MessagePayload;
import org.lexgate.hi1.delivery.Delivery;
import org.lexgate.hi1.delivery.DeliveryObject;
import org.lexgate.hi1.delivery.EmbeddedBinaryData;
import org.lexgate.hi1.delivery.EmbeddedXMLData;
import org.lexgate.hi1.delivery.ExternalSchema;
import org.lexgate.hi1.delivery.Manifest;
import org.lexgate.hi1.delivery.Reference;
import org.lexgate.hi1.delivery.URLObject;
import org.w3c.dom.Element;

/**
 * The answer's data (guideline §53: a standard response format; §55: complete, accurate and
 * protected): DELIVER with a {@code delivery:DeliveryObject} that points to the LDTask it answers
 * (AssociatedObjects, and the task's LDID in Reference), with exactly one of:
 * <ul>
 *   <li>{@link #xml} inline XML in the provider's format, named by a {@link #manifestSchema} or
 *       {@link #manifestSpecification} (required for XML);</li>
 *   <li>{@link #binary} inline bytes, with their SHA-256 checksum (ChecksumType "SHA-256") and length;</li>
 *   <li>{@link #byReference} a URL to fetch the data from, with its SHA-256 checksum;</li>
 *   <li>{@link #dataExistence} only whether data exists.</li>
 * </ul>
 */
public final class DeliveryBuilder extends MessageBuilder<DeliveryBuilder> {

    /** ChecksumType written beside every SHA-256 checksum (the hash name of IANA's registry, as lexgate's samples use). */
    public static final String SHA_256 = "SHA-256";

    private String objectId = Ids.fresh();
    private String deliveryId = Ids.fresh();
    private String task;
    private String ldid;
    private long sequenceNumber = 1;
    private boolean lastSequence = true;
    private Manifest manifest;
    private Delivery delivery;
    private boolean xmlContent;

    DeliveryBuilder() {
    }

    /** §53 the LDTask this delivery answers and its LDID (the request's registration number, §26). */
    public DeliveryBuilder answering(UUID ldTask, String taskLdid) {
        this.task = Ids.of(Require.arg(ldTask, "answering ldTask"));
        this.ldid = Ids.ldid(taskLdid, "answering taskLdid");
        return this;
    }

    public DeliveryBuilder objectId(UUID value) {
        this.objectId = Ids.of(Require.arg(value, "objectId"));
        return this;
    }

    /** The DeliveryID shared by all parts of one delivery; default a fresh UUID. */
    public DeliveryBuilder deliveryId(UUID value) {
        this.deliveryId = Ids.of(Require.arg(value, "deliveryId"));
        return this;
    }

    /** For a delivery in several messages: this part's number (from 1) and whether it is the last. Default 1, last. */
    public DeliveryBuilder sequence(long number, boolean last) {
        if (number < 0) {
            throw new IllegalArgumentException("sequence number must be >= 0, got " + number);
        }
        this.sequenceNumber = number;
        this.lastSequence = last;
        return this;
    }

    /** The data follows an ETSI ManifestSpecification (TS102657-XML, TS103705...). */
    public DeliveryBuilder manifestSpecification(String etsiManifestSpecification) {
        Manifest m = new Manifest();
        m.setSpecification(Entries.etsi("ManifestSpecification", etsiManifestSpecification));
        this.manifest = m;
        return this;
    }

    /** The data follows the provider's own schema, named by its namespace or URL (ExternalSchema/ManifestID). */
    public DeliveryBuilder manifestSchema(String manifestId) {
        ExternalSchema schema = new ExternalSchema();
        schema.setManifestID(Require.text(manifestId, "manifestSchema manifestId"));
        Manifest m = new Manifest();
        m.setExternalSchema(schema);
        this.manifest = m;
        return this;
    }

    /** Inline XML data: elements of the provider's own namespace (not an ETSI one). */
    public DeliveryBuilder xml(Element... data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("xml needs at least one element");
        }
        EmbeddedXMLData xml = new EmbeddedXMLData();
        for (Element e : data) {
            Require.arg(e, "xml element");
            if (e.getNamespaceURI() == null || e.getNamespaceURI().startsWith("http://uri.etsi.org/03120/")) {
                throw new IllegalArgumentException("xml data must be in the provider's own namespace, got {"
                        + e.getNamespaceURI() + "}" + e.getLocalName());
            }
            xml.getAny().add(e);
        }
        Delivery d = new Delivery();
        d.setXMLData(xml);
        return content(d, true);
    }

    /** Inline bytes with their SHA-256 checksum and length. */
    public DeliveryBuilder binary(byte[] data, String contentType, String originalFilename) {
        Require.arg(data, "binary data");
        EmbeddedBinaryData bin = new EmbeddedBinaryData();
        bin.setData(data.clone());
        bin.setContentType(Require.text(contentType, "binary contentType"));
        bin.setChecksum(sha256(data));
        bin.setChecksumType(SHA_256);
        bin.setOriginalFilename(originalFilename);
        bin.setContentLength(BigInteger.valueOf(data.length));
        Delivery d = new Delivery();
        d.setBinaryData(bin);
        return content(d, false);
    }

    /** The data is available at {@code url} until {@code expiry}; its SHA-256 (hex) and length let the receiver check it. */
    public DeliveryBuilder byReference(String url, String sha256Hex, long contentLength, String contentType, Instant expiry) {
        if (sha256Hex == null || !sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("byReference sha256Hex must be 64 lower-case hex digits, got " + sha256Hex);
        }
        URLObject ref = new URLObject();
        ref.setURL(Require.text(url, "byReference url"));
        ref.setContentLength(BigInteger.valueOf(contentLength));
        ref.setContentType(Require.text(contentType, "byReference contentType"));
        ref.setExpiry(Times.microseconds(Require.arg(expiry, "byReference expiry")));
        ref.setChecksum(sha256Hex);
        ref.setChecksumType(SHA_256);
        Delivery d = new Delivery();
        d.setURL(ref);
        return content(d, false);
    }

    /** Only whether data exists for the request (e.g. before a formal order follows). */
    public DeliveryBuilder dataExistence(boolean exists) {
        Delivery d = new Delivery();
        d.setDataExistence(exists);
        return content(d, false);
    }

    /** Lower-case hex SHA-256 of the bytes, as written in Checksum. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    MessagePayload payload(Instant now) {
        Require.set(task, "answering(ldTask, ldid) (§53: the request this delivery answers)");
        Require.set(delivery, "the data: xml(..), binary(..), byReference(..) or dataExistence(..)");
        if (xmlContent && manifest == null) {
            throw new IllegalStateException("missing manifestSchema(..) or manifestSpecification(..) for inline XML "
                    + "(§53: the receiver must know the format)");
        }
        DeliveryObject object = Payloads.owned(new DeliveryObject(), objectId, sender(), task);
        Reference reference = new Reference();
        reference.setLDID(ldid);
        object.setReference(reference);
        object.setDeliveryID(deliveryId);
        object.setSequenceNumber(BigInteger.valueOf(sequenceNumber));
        object.setLastSequence(lastSequence);
        object.setManifest(manifest);
        object.setDelivery(delivery);
        DELIVERRequest deliver = new DELIVERRequest();
        deliver.setIdentifier(objectId);
        deliver.setHI1Object(object);
        ActionRequest action = new ActionRequest();
        action.setDELIVER(deliver);
        return Payloads.requests(List.of(action));
    }

    private DeliveryBuilder content(Delivery d, boolean xml) {
        if (delivery != null) {
            throw new IllegalStateException("a delivery carries exactly one of xml, binary, byReference, dataExistence");
        }
        this.delivery = d;
        this.xmlContent = xml;
        return this;
    }
}
