package org.lexgate.message;

import java.util.Set;

/** The namespaces of ETSI TS 103 120 / TS 103 280 and lexgate's extension, as the codec knows them. */
public final class Hi1Namespaces {

    public static final String CORE = "http://uri.etsi.org/03120/common/2019/10/Core";
    public static final String COMMON = "http://uri.etsi.org/03120/common/2016/02/Common";
    public static final String TASK = "http://uri.etsi.org/03120/common/2020/09/Task";
    public static final String AUTHORISATION = "http://uri.etsi.org/03120/common/2020/09/Authorisation";
    public static final String DOCUMENT = "http://uri.etsi.org/03120/common/2020/09/Document";
    public static final String NOTIFICATION = "http://uri.etsi.org/03120/common/2016/02/Notification";
    public static final String DELIVERY = "http://uri.etsi.org/03120/common/2019/10/Delivery";
    public static final String CONFIG = "http://uri.etsi.org/03120/common/2024/06/Config";
    public static final String DICTIONARIES = "http://uri.etsi.org/03280/common/2019/10/Dictionaries";
    public static final String ETSI280 = "http://uri.etsi.org/03280/common/2017/07";
    public static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";
    public static final String LEXGATE = "http://lexgate.org/ns/hi1/2026/11";

    // ETSI namespaces of features lexgate does not support (refused with 3001)
    public static final String TRAFFIC_POLICY = "http://uri.etsi.org/03120/common/2022/07/TrafficPolicy";
    public static final String IRI_POLICY = "http://uri.etsi.org/03120/common/2026/01/IRIPolicy";
    public static final String DESTINATION = "http://uri.etsi.org/03120/common/2026/07/Destination";
    public static final String ENCRYPTION = "http://uri.etsi.org/03120/common/2026/01/Encryption";

    /** Namespaces whose types are the message's own: an xsi:type in one of them must be known. */
    public static final Set<String> PROFILE = Set.of(CORE, COMMON, TASK, AUTHORISATION, DOCUMENT,
            NOTIFICATION, DELIVERY, CONFIG, DICTIONARIES, ETSI280, XMLDSIG, LEXGATE);

    /** ETSI namespaces lexgate knows of and refuses as a whole: every type in them is a feature it lacks. */
    public static final Set<String> UNSUPPORTED = Set.of(TRAFFIC_POLICY, IRI_POLICY, DESTINATION, ENCRYPTION);

    private Hi1Namespaces() {
    }

    /** True for any namespace of ETSI TS 103 120 / 103 280, supported or not. */
    public static boolean isEtsi(String namespace) {
        return namespace != null && (namespace.startsWith("http://uri.etsi.org/03120/")
                || namespace.startsWith("http://uri.etsi.org/03280/"));
    }
}
