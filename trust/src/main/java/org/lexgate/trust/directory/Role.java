package org.lexgate.trust.directory;

import java.util.Arrays;
import java.util.Optional;

/** What an organisation does in the network (DESIGN.md, "What lexgate is"). */
public enum Role {
    /** A police cybercrime unit's request desk or a prosecutor: issues requests. */
    AGENCY("agency"),
    /** A national 24/7 point of contact (Budapest Convention Art. 35): forwards or gives effect. */
    CONTACT_POINT("contact-point"),
    /** A service provider: receives requests and answers them. */
    PROVIDER("provider"),
    /** A central authority for mutual legal assistance. */
    MLA_AUTHORITY("mla-authority");

    private final String xmlName;

    Role(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The name used in the directory file. */
    public String xmlName() {
        return xmlName;
    }

    public static Optional<Role> fromXml(String name) {
        return Arrays.stream(values()).filter(r -> r.xmlName.equals(name)).findFirst();
    }
}
