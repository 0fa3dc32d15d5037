package org.lexgate.message.build;

import org.lexgate.hi1.common.DictionaryEntry;

/**
 * Dictionary references ({@code common:DictionaryEntry {Owner, Name, Value}}), the way TS 103 120
 * writes every enumerated value. The codec checks ETSI and lexgate values against their
 * dictionaries; a party's own values (e.g. a provider's service names) against the dictionaries it
 * publishes in its service catalogue.
 */
public final class Entries {

    /** The owner of ETSI's dictionaries. */
    public static final String ETSI = "ETSI";
    /** The owner of lexgate's dictionaries (lexgate-dictionaries.xml in the xsd module). */
    public static final String LEXGATE = "lexgate";

    private Entries() {
    }

    /** An ETSI dictionary value, e.g. {@code etsi("RequestType", "SubscriberData")}. */
    public static DictionaryEntry etsi(String name, String value) {
        return of(ETSI, name, value);
    }

    /** A lexgate dictionary value, e.g. {@code lexgate("DataCategory", "TrafficData")}. */
    public static DictionaryEntry lexgate(String name, String value) {
        return of(LEXGATE, name, value);
    }

    /** Any owner's value, e.g. a provider's {@code LDRequestSubtype}. */
    public static DictionaryEntry of(String owner, String name, String value) {
        DictionaryEntry entry = new DictionaryEntry();
        entry.setOwner(Require.text(owner, "dictionary Owner"));
        entry.setName(Require.text(name, "dictionary Name"));
        entry.setValue(Require.text(value, "dictionary Value (" + owner + "/" + name + ")"));
        return entry;
    }

    static DictionaryEntry copy(DictionaryEntry e) {
        return of(e.getOwner(), e.getName(), e.getValue());
    }
}
