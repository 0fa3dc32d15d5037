package org.lexgate.gateway.role;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.namespace.QName;
import javax.xml.transform.stream.StreamSource;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.xsd.Hi1Schemas;

/**
 * One ETSI object as the store keeps it (its current version, for GET and LIST): a
 * {@code core:HI1Object} element with its {@code xsi:type}, written and read with lexgate's JAXB
 * context. Only objects the node itself received and verified, or wrote, are ever stored.
 */
public final class ObjectXml {

    static final QName ELEMENT = new QName("http://uri.etsi.org/03120/common/2019/10/Core", "HI1Object");

    /**
     * One marshaller and unmarshaller per thread: neither is thread-safe, and the unmarshaller keeps
     * its SAX parser (a new one per read is most of a read's cost). Each keeps the last object it
     * handled until its next use; here that is a task or an authorisation of a few KB, never a
     * delivery or a document (the case book stores no other objects).
     */
    private static final ThreadLocal<Marshaller> MARSHALLER = ThreadLocal.withInitial(ObjectXml::marshaller);
    private static final ThreadLocal<Unmarshaller> UNMARSHALLER = ThreadLocal.withInitial(ObjectXml::unmarshaller);

    private ObjectXml() {
    }

    public static String write(HI1Object object) {
        try {
            StringWriter out = new StringWriter();
            MARSHALLER.get().marshal(new JAXBElement<>(ELEMENT, HI1Object.class, object), out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + object.getClass().getSimpleName() + " "
                    + object.getObjectIdentifier(), e);
        }
    }

    public static HI1Object read(String xml) {
        try {
            return UNMARSHALLER.get().unmarshal(new StreamSource(new StringReader(xml)), HI1Object.class).getValue();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot read a stored object", e);
        }
    }

    private static Marshaller marshaller() {
        try {
            Marshaller m = Hi1Schemas.context().createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            return m;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create a JAXB marshaller", e);
        }
    }

    private static Unmarshaller unmarshaller() {
        try {
            return Hi1Schemas.context().createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create a JAXB unmarshaller", e);
        }
    }
}
