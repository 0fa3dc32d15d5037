package org.lexgate.message.build;

import java.util.ArrayList;
import java.util.List;
import org.lexgate.hi1.lexgate.CrossBorderHandling;

/**
 * How a request crosses a border (guideline §36: use the treaty procedures and the 24/7 network;
 * §37: provisional measures followed by mutual legal assistance). Written as
 * {@code lexgate:CrossBorderHandling} in the authorisation's {@code NationalHandlingParameters}.
 *
 * <ul>
 *   <li>{@link #viaContactPoints}: Mode Forward, through the requesting and requested 24/7 contact
 *       points (Budapest Art. 35); both are required;</li>
 *   <li>{@link #givingEffect}: Mode GiveEffect, the requested contact point's domestic request
 *       that gives effect to a foreign one; the original request is required;</li>
 *   <li>{@link #direct}: Mode Direct, straight to the provider abroad where a treaty allows it
 *       (Second Protocol Art. 7, EU Production Order).</li>
 * </ul>
 */
public final class CrossBorder {

    private final String mode;
    private final String requestingCountry;
    private final String requestedCountry;
    private Party requestingContactPoint;
    private Party requestedContactPoint;
    private String contactPointReference;
    private RequestRef originalRequest;
    private final List<Party> notifiedAuthorities = new ArrayList<>();
    private MlaFollowUp mla;

    private CrossBorder(String mode, String requestingCountry, String requestedCountry) {
        this.mode = mode;
        this.requestingCountry = Party.of(requestingCountry, "-").countryCode();
        this.requestedCountry = Party.of(requestedCountry, "-").countryCode();
        if (requestingCountry.equals(requestedCountry)) {
            throw new IllegalArgumentException("CrossBorder: requesting and requested country are both " + requestedCountry);
        }
    }

    /** Through the 24/7 contact points of both countries (§36); the requested one forwards it. */
    public static CrossBorder viaContactPoints(Party requestingContactPoint, Party requestedContactPoint) {
        Require.arg(requestingContactPoint, "CrossBorder.requestingContactPoint");
        Require.arg(requestedContactPoint, "CrossBorder.requestedContactPoint");
        CrossBorder c = new CrossBorder("Forward", requestingContactPoint.countryCode(), requestedContactPoint.countryCode());
        c.requestingContactPoint = requestingContactPoint;
        c.requestedContactPoint = requestedContactPoint;
        return c;
    }

    /** The requested contact point gives effect to a foreign request with its own domestic one. */
    public static CrossBorder givingEffect(Party requestingContactPoint, Party requestedContactPoint, RequestRef original) {
        CrossBorder c = viaContactPoints(requestingContactPoint, requestedContactPoint);
        CrossBorder g = new CrossBorder("GiveEffect", c.requestingCountry, c.requestedCountry);
        g.requestingContactPoint = requestingContactPoint;
        g.requestedContactPoint = requestedContactPoint;
        g.originalRequest = Require.arg(original, "CrossBorder.originalRequest");
        return g;
    }

    /** Directly to a provider abroad under a treaty that allows it. */
    public static CrossBorder direct(String requestingCountry, String requestedCountry) {
        return new CrossBorder("Direct", requestingCountry, requestedCountry);
    }

    /** The 24/7 network's own file number. */
    public CrossBorder contactPointReference(String value) {
        this.contactPointReference = Require.text(value, "CrossBorder.contactPointReference");
        return this;
    }

    /** The foreign request this one forwards or gives effect to. */
    public CrossBorder originalRequest(RequestRef value) {
        this.originalRequest = Require.arg(value, "CrossBorder.originalRequest");
        return this;
    }

    /** An authority sent a copy, e.g. the provider's country under Second Protocol Art. 7(5). */
    public CrossBorder notify(Party authority) {
        notifiedAuthorities.add(Require.arg(authority, "CrossBorder.notifiedAuthority"));
        return this;
    }

    /** The mutual-legal-assistance request that follows (§37). */
    public CrossBorder mutualLegalAssistance(MlaFollowUp value) {
        this.mla = Require.arg(value, "CrossBorder.mutualLegalAssistance");
        return this;
    }

    CrossBorderHandling toXml(String objectCountryCode) {
        CrossBorderHandling xml = new CrossBorderHandling();
        xml.setCountryCode(objectCountryCode);
        xml.setMode(Entries.lexgate("CrossBorderMode", mode));
        xml.setRequestingCountry(requestingCountry);
        xml.setRequestedCountry(requestedCountry);
        xml.setRequestingContactPoint(requestingContactPoint == null ? null : requestingContactPoint.toEndpoint());
        xml.setRequestedContactPoint(requestedContactPoint == null ? null : requestedContactPoint.toEndpoint());
        xml.setContactPointReference(contactPointReference);
        xml.setOriginalRequest(originalRequest == null ? null : originalRequest.toXml());
        notifiedAuthorities.forEach(p -> xml.getNotifiedAuthority().add(p.toEndpoint()));
        xml.setMutualLegalAssistance(mla == null ? null : mla.toXml());
        return xml;
    }
}
