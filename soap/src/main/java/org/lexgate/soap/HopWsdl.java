package org.lexgate.soap;

/** Where the hop WSDL (with its WS-SecurityPolicy) is: in the {@code wsdl} module's jar. */
final class HopWsdl {

    /** The WSDL on the class path, as CXF resolves it. */
    static final String LOCATION = "classpath:org/lexgate/wsdl/lexgate-hi1.wsdl";

    private HopWsdl() {
    }
}
