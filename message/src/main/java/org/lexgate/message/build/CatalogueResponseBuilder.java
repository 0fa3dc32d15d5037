package org.lexgate.message.build;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lexgate.hi1.common.DictionaryEntries;
import org.lexgate.hi1.config.SupportedLPWorkflowEndpoint;
import org.lexgate.hi1.config.SupportedLPWorkflowEndpoints;
import org.lexgate.hi1.config.TargetFormatTypeDefinitionEntries;
import org.lexgate.hi1.config.TargetFormatTypeDefinitionEntry;
import org.lexgate.hi1.config.TargetFormatTypeDefinitions;
import org.lexgate.hi1.config.TargetingConfiguration;
import org.lexgate.hi1.config.TargetingConfigurations;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.ActionResponse;
import org.lexgate.hi1.core.GETCSPCONFIGResponse;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.MessagePayload;
import org.lexgate.hi1.dictionaries.Dictionaries;
import org.lexgate.hi1.dictionaries.Dictionary;
import org.lexgate.hi1.dictionaries.DictionaryEntry;

/**
 * A provider's service catalogue (guideline §50, criminal compliance programme; §54 average
 * delays): the GETCSPCONFIG response, written as ETSI's response_ee_config does:
 * <ul>
 *   <li>{@link #service}: the services offered, with a web link, as the provider's own
 *       LDRequestSubtype and LPRequestSubtype dictionaries (Owner = the provider's identifier);</li>
 *   <li>{@link #identifierFormat}: identifier formats the provider defines (TargetFormatTypeDefinitions);</li>
 *   <li>{@link #targeting}: for each identifier format, which request types and services can be
 *       asked for (TargetingConfigurations) — "which types of data could be made available for
 *       each service";</li>
 *   <li>{@link #complianceContact}, {@link #averageResponseTime}, {@link #languages}: how to reach the
 *       compliance team and when, in a provider dictionary named {@value #COMPLIANCE_DICTIONARY}
 *       (ETSI's Config has no element for them);</li>
 *   <li>{@link #preservationEndpoint}: where preservation workflows are sent (ETSI LPWorkflowEndpoint).</li>
 * </ul>
 * Required: {@link #inReplyTo} (or from/to/transactionId), a compliance contact and one targeting.
 */
public final class CatalogueResponseBuilder extends MessageBuilder<CatalogueResponseBuilder> {

    /** The provider dictionary that carries the §50 contact details and the §54 response times. */
    public static final String COMPLIANCE_DICTIONARY = "ComplianceProgramme";

    private BigInteger actionIdentifier = BigInteger.ZERO;
    private Instant lastChanged;
    private final Map<String, String> services = new LinkedHashMap<>();
    private final Map<String, String> compliance = new LinkedHashMap<>();
    private final List<TargetFormatTypeDefinitionEntry> formats = new ArrayList<>();
    private final List<Targeting> targetings = new ArrayList<>();
    private final List<SupportedLPWorkflowEndpoint> lpEndpoints = new ArrayList<>();

    CatalogueResponseBuilder() {
    }

    /** Answers this GETCSPCONFIG request: sender and receiver swapped, same TransactionIdentifier and ActionIdentifier. */
    public CatalogueResponseBuilder inReplyTo(HI1Message request) {
        Require.arg(request, "inReplyTo request");
        from(Party.from(request.getHeader().getReceiverIdentifier()));
        to(Party.from(request.getHeader().getSenderIdentifier()));
        transactionId(UUID.fromString(request.getHeader().getTransactionIdentifier()));
        List<ActionRequest> actions = request.getPayload().getRequestPayload() == null ? List.of()
                : request.getPayload().getRequestPayload().getActionRequests().getActionRequest();
        this.actionIdentifier = actions.stream().filter(a -> a.getGETCSPCONFIG() != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("inReplyTo: the request has no GETCSPCONFIG action"))
                .getActionIdentifier();
        return this;
    }

    /** When the catalogue last changed; default the message time. */
    public CatalogueResponseBuilder lastChanged(Instant value) {
        this.lastChanged = Require.arg(value, "lastChanged");
        return this;
    }

    /** §50 a service offered to users: its short name (a dictionary value), what it is, and a web link. */
    public CatalogueResponseBuilder service(String name, String description, String webLink) {
        services.put(Require.text(name, "service name"),
                Require.text(description, "service description") + " (" + Require.text(webLink, "service webLink") + ")");
        return this;
    }

    /** §50 how to reach the compliance personnel and when (hours, telephone, functional mailbox). */
    public CatalogueResponseBuilder complianceContact(String hours, String phoneE164, String email) {
        compliance.put("Hours", Require.text(hours, "complianceContact hours"));
        compliance.put("Phone", Require.text(phoneE164, "complianceContact phone"));
        compliance.put("Email", Require.text(email, "complianceContact email"));
        return this;
    }

    /** §48 how law enforcement reaches the provider outside business hours in an emergency. */
    public CatalogueResponseBuilder emergencyContact(String value) {
        compliance.put("EmergencyContact", Require.text(value, "emergencyContact"));
        return this;
    }

    /** §50 languages documents may be sent in (ISO 639-1, e.g. "en, fr"). */
    public CatalogueResponseBuilder languages(String value) {
        compliance.put("Languages", Require.text(value, "languages"));
        return this;
    }

    /** §54 the average delay to answer a request. */
    public CatalogueResponseBuilder averageResponseTime(String value) {
        compliance.put("AverageResponseTime", Require.text(value, "averageResponseTime"));
        return this;
    }

    /** A provider-defined identifier format (FormatOwner = the provider's identifier). */
    public CatalogueResponseBuilder identifierFormat(String formatName, String description, String regex) {
        TargetFormatTypeDefinitionEntry e = new TargetFormatTypeDefinitionEntry();
        e.setFormatName(Require.text(formatName, "identifierFormat name"));
        e.setDescription(Require.text(description, "identifierFormat description"));
        e.setFormatRegex(Require.text(regex, "identifierFormat regex"));
        formats.add(e);
        return this;
    }

    /** §50 what can be requested for one identifier format. */
    public CatalogueResponseBuilder targeting(Targeting value) {
        targetings.add(Require.arg(value, "targeting"));
        return this;
    }

    /** Where a preservation workflow is sent (ETSI LPWorkflowEndpoint: NewPreservation, PreservationExtension, PreservationCancellation). */
    public CatalogueResponseBuilder preservationEndpoint(String etsiLpWorkflowEndpoint, String url, String guidance) {
        SupportedLPWorkflowEndpoint e = new SupportedLPWorkflowEndpoint();
        e.setLPWorkflowEndpoint(Entries.etsi("LPWorkflowEndpoint", etsiLpWorkflowEndpoint));
        e.setGuidance(guidance);
        e.setURL(Require.text(url, "preservationEndpoint url"));
        lpEndpoints.add(e);
        return this;
    }

    @Override
    MessagePayload payload(Instant now) {
        Require.set(compliance.get("Hours"), "complianceContact(hours, phone, email) (§50: contact and hours of the compliance personnel)");
        Require.set(targetings, "targeting(Targeting) (§50: which data can be requested for each service)");
        String owner = sender().uniqueIdentifier();
        GETCSPCONFIGResponse r = new GETCSPCONFIGResponse();
        r.setLastChanged(Times.qualified(lastChanged != null ? lastChanged : now));
        Dictionaries dictionaries = new Dictionaries();
        if (!services.isEmpty()) {
            dictionaries.getDictionary().add(dictionary(owner, "LDRequestSubtype", services));
            dictionaries.getDictionary().add(dictionary(owner, "LPRequestSubtype", services));
        }
        dictionaries.getDictionary().add(dictionary(owner, COMPLIANCE_DICTIONARY, compliance));
        r.setDictionaries(dictionaries);
        if (!formats.isEmpty()) {
            TargetFormatTypeDefinitions defs = new TargetFormatTypeDefinitions();
            defs.setFormatOwner(owner);
            TargetFormatTypeDefinitionEntries entries = new TargetFormatTypeDefinitionEntries();
            entries.getTargetFormatTypeDefinitionEntry().addAll(formats);
            defs.setTargetFormatTypeDefinitionEntries(entries);
            r.setTargetFormatTypeDefinitions(defs);
        }
        TargetingConfigurations configs = new TargetingConfigurations();
        targetings.forEach(t -> configs.getTargetingConfiguration().add(t.toXml(owner)));
        r.setTargetingConfigurations(configs);
        if (!lpEndpoints.isEmpty()) {
            SupportedLPWorkflowEndpoints lp = new SupportedLPWorkflowEndpoints();
            lp.getSupportedLPWorkflowEndpoint().addAll(lpEndpoints);
            r.setSupportedLPWorkflowEndpoints(lp);
        }
        ActionResponse response = new ActionResponse();
        response.setActionIdentifier(actionIdentifier);
        response.setGETCSPCONFIGResponse(r);
        return Payloads.responses(List.of(response));
    }

    private static Dictionary dictionary(String owner, String name, Map<String, String> entries) {
        Dictionary d = new Dictionary();
        d.setOwner(owner);
        d.setName(name);
        org.lexgate.hi1.dictionaries.DictionaryEntries list = new org.lexgate.hi1.dictionaries.DictionaryEntries();
        entries.forEach((value, meaning) -> {
            DictionaryEntry e = new DictionaryEntry();
            e.setValue(value);
            e.setMeaning(meaning);
            list.getDictionaryEntry().add(e);
        });
        d.setDictionaryEntries(list);
        return d;
    }

    /**
     * One TargetingConfiguration: for identifiers of one format, the ETSI request types and the
     * provider's services that can be disclosed and preserved.
     */
    public static final class Targeting {
        private final String formatOwner;
        private final String formatName;
        private String guidance;
        private final List<String> disclosureTypes = new ArrayList<>();
        private final List<String> preservationTypes = new ArrayList<>();
        private final List<String> services = new ArrayList<>();

        private Targeting(String formatOwner, String formatName) {
            this.formatOwner = formatOwner;
            this.formatName = Require.text(formatName, "Targeting formatName");
        }

        /** Identifiers in an ETSI TS 103 280 format, e.g. EmailAddress, InternationalE164, IPv4Address. */
        public static Targeting etsiFormat(String formatName) {
            return new Targeting(Entries.ETSI, formatName);
        }

        /** Identifiers in a format the provider defines with {@link CatalogueResponseBuilder#identifierFormat}. */
        public static Targeting providerFormat(String formatName) {
            return new Targeting(null, formatName);
        }

        public Targeting guidance(String value) {
            this.guidance = Require.text(value, "Targeting guidance");
            return this;
        }

        /** ETSI RequestType values that can be disclosed (AssociatedLDRequestTypes). */
        public Targeting disclosure(String... etsiRequestTypes) {
            disclosureTypes.addAll(List.of(etsiRequestTypes));
            return this;
        }

        /** ETSI RequestType values that can be preserved (AssociatedLPRequestTypes). */
        public Targeting preservation(String... etsiRequestTypes) {
            preservationTypes.addAll(List.of(etsiRequestTypes));
            return this;
        }

        /** The provider's services (declared with {@link CatalogueResponseBuilder#service}) this applies to. */
        public Targeting services(String... names) {
            services.addAll(List.of(names));
            return this;
        }

        TargetingConfiguration toXml(String provider) {
            if (disclosureTypes.isEmpty() && preservationTypes.isEmpty()) {
                throw new IllegalStateException("missing Targeting.disclosure(..) or preservation(..) for " + formatName
                        + " (§50: which types of data can be made available)");
            }
            TargetingConfiguration t = new TargetingConfiguration();
            t.setFormatName(formatName);
            t.setFormatOwner(formatOwner != null ? formatOwner : provider);
            t.setGuidance(guidance);
            t.setAssociatedLDRequestTypes(entries(disclosureTypes, Entries.ETSI, "RequestType"));
            if (!disclosureTypes.isEmpty()) {
                t.setAssociatedLDRequestSubtypes(entries(services, provider, "LDRequestSubtype"));
            }
            t.setAssociatedLPRequestTypes(entries(preservationTypes, Entries.ETSI, "RequestType"));
            if (!preservationTypes.isEmpty()) {
                t.setAssociatedLPRequestSubtypes(entries(services, provider, "LPRequestSubtype"));
            }
            return t;
        }

        private static DictionaryEntries entries(List<String> values, String owner, String name) {
            if (values.isEmpty()) {
                return null;
            }
            DictionaryEntries e = new DictionaryEntries();
            values.forEach(v -> e.getDictionaryEntry().add(Entries.of(owner, name, v)));
            return e;
        }
    }
}
