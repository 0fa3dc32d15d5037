package org.lexgate.message.build;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lexgate.hi1.common.DictionaryEntry;
import org.lexgate.hi1.lexgate.DataCategories;
import org.lexgate.hi1.task.FormatType;
import org.lexgate.hi1.task.LPRequestDetails;
import org.lexgate.hi1.task.RequestDetails;
import org.lexgate.hi1.task.RequestSubtype;
import org.lexgate.hi1.task.RequestValue;
import org.lexgate.hi1.task.RequestValues;

/**
 * The specific data requested and the identifiers that find it (guideline §26 "the specific data
 * requested", §27 "specific, complete and clear ... sufficient detail to identify relevant data").
 * Written as the task's {@code RequestDetails} (ETSI RequestType, period or observed times,
 * RequestValues, the provider's Subtype from its catalogue) and {@code lexgate:DataCategories}.
 *
 * <p>Required: the ETSI request type and at least one identifier; for anything but subscriber
 * data, also a period or observed times (§27: no requests for unspecified data).
 */
public final class RequestedData {

    private final String requestType;
    private final List<RequestValue> identifiers = new ArrayList<>();
    private final List<Instant> observedTimes = new ArrayList<>();
    private final List<DictionaryEntry> subtypes = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private Instant start;
    private Instant end;

    private RequestedData(String requestType) {
        this.requestType = Require.text(requestType, "RequestedData.requestType (ETSI RequestType value)");
    }

    /** ETSI RequestType: SubscriberData, UserIdentifyingData, TrafficData, StoredContentData, ... */
    public static RequestedData of(String etsiRequestType) {
        return new RequestedData(etsiRequestType);
    }

    public static RequestedData subscriberData() {
        return of("SubscriberData");
    }

    public static RequestedData trafficData() {
        return of("TrafficData");
    }

    public static RequestedData storedContentData() {
        return of("StoredContentData");
    }

    /** An identifier in an ETSI TS 103 280 format, e.g. {@code identifier("EmailAddress", "a@example.com")}. */
    public RequestedData identifier(String etsiFormatName, String value) {
        return identifier(Entries.ETSI, etsiFormatName, value);
    }

    /** An identifier in a format defined by its owner, e.g. a provider's format from its catalogue (§50). */
    public RequestedData identifier(String formatOwner, String formatName, String value) {
        FormatType format = new FormatType();
        format.setFormatOwner(Require.text(formatOwner, "identifier formatOwner"));
        format.setFormatName(Require.text(formatName, "identifier formatName"));
        RequestValue v = new RequestValue();
        v.setFormatType(format);
        v.setValue(Require.text(value, "identifier value (" + formatName + ")"));
        identifiers.add(v);
        return this;
    }

    /** The period the data covers. */
    public RequestedData period(Instant from, Instant to) {
        Require.arg(from, "RequestedData.period from");
        Require.arg(to, "RequestedData.period to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("RequestedData.period ends (" + to + ") before it starts (" + from + ")");
        }
        this.start = from;
        this.end = to;
        return this;
    }

    /** Times at which the identifier was observed, e.g. an IP address seen at these times (disclosure only). */
    public RequestedData observedAt(Instant... times) {
        for (Instant t : times) {
            observedTimes.add(Require.arg(t, "RequestedData.observedAt"));
        }
        return this;
    }

    /** A service of the provider, from the LDRequestSubtype/LPRequestSubtype dictionary of its catalogue (§50). */
    public RequestedData service(String providerOwner, String dictionaryName, String value) {
        subtypes.add(Entries.of(providerOwner, dictionaryName, value));
        return this;
    }

    /** A lexgate DataCategory: SubscriberData, TrafficData, ContentData, AccessLogs, LocationData... */
    public RequestedData category(String lexgateDataCategory) {
        categories.add(Require.text(lexgateDataCategory, "RequestedData.category"));
        return this;
    }

    void validate() {
        Require.set(identifiers, "RequestedData.identifier(..) (§27: the identifiers that let the provider find the data)");
        if (!"SubscriberData".equals(requestType) && start == null && observedTimes.isEmpty()) {
            throw new IllegalStateException("missing RequestedData.period(..) or observedAt(..) for " + requestType
                    + " (§27: requests for unspecified data should be avoided)");
        }
    }

    boolean hasObservedTimes() {
        return !observedTimes.isEmpty();
    }

    RequestDetails toDisclosureDetails() {
        validate();
        RequestDetails d = new RequestDetails();
        d.setType(Entries.etsi("RequestType", requestType));
        if (start != null) {
            d.setStartTime(Times.qualified(start));
            d.setEndTime(Times.qualified(end));
        }
        observedTimes.forEach(t -> d.getObservedTimes().add(Times.qualified(t)));
        d.setRequestValues(values());
        d.setSubtype(subtype());
        return d;
    }

    LPRequestDetails toPreservationDetails() {
        validate();
        if (!observedTimes.isEmpty()) {
            throw new IllegalStateException("RequestedData.observedAt is not available for a preservation "
                    + "(LPRequestDetails has no ObservedTimes): use period(..)");
        }
        LPRequestDetails d = new LPRequestDetails();
        d.setType(Entries.etsi("RequestType", requestType));
        if (start != null) {
            d.setStartTime(Times.qualified(start));
            d.setEndTime(Times.qualified(end));
        }
        d.setRequestValues(values());
        d.setSubtype(subtype());
        return d;
    }

    DataCategories categoriesXml() {
        if (categories.isEmpty()) {
            return null;
        }
        DataCategories xml = new DataCategories();
        categories.forEach(c -> xml.getDataCategory().add(Entries.lexgate("DataCategory", c)));
        return xml;
    }

    private RequestValues values() {
        RequestValues values = new RequestValues();
        values.getRequestValue().addAll(identifiers);
        return values;
    }

    private RequestSubtype subtype() {
        if (subtypes.isEmpty()) {
            return null;
        }
        RequestSubtype s = new RequestSubtype();
        subtypes.forEach(e -> s.getRequestSubtype().add(Entries.copy(e)));
        return s;
    }
}
