package org.lexgate.message.build;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** The two date-time forms of TS 103 280, always in UTC. */
final class Times {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DatatypeFactory FACTORY = factory();

    private Times() {
    }

    /** etsi:QualifiedDateTime: whole seconds, "Z" (fractions are truncated). */
    static XMLGregorianCalendar qualified(Instant instant) {
        return FACTORY.newXMLGregorianCalendar(SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS)));
    }

    /** etsi:QualifiedMicrosecondDateTime (the header Timestamp): exactly six fractional digits, "Z". */
    static XMLGregorianCalendar microseconds(Instant instant) {
        return FACTORY.newXMLGregorianCalendar(MICROS.format(instant.truncatedTo(ChronoUnit.MICROS)));
    }

    private static DatatypeFactory factory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no javax.xml.datatype implementation", e);
        }
    }
}
