package org.lexgate.store;

import java.util.Arrays;
import java.util.List;

/**
 * The ETSI ObjectType dictionary values lexgate stores (TS 103 120 clause 6.4.8, table 6.14).
 * {@link #TASK} is only a LIST filter: it selects LDTask and LPTask objects.
 */
public enum Hi1ObjectType {
    AUTHORISATION("Authorisation"),
    LD_TASK("LDTask"),
    LP_TASK("LPTask"),
    DOCUMENT("Document"),
    NOTIFICATION("Notification"),
    DELIVERY("Delivery"),
    TASK("Task");

    private final String dictionaryValue;

    Hi1ObjectType(String dictionaryValue) {
        this.dictionaryValue = dictionaryValue;
    }

    /** The value in ETSI's ObjectType dictionary, e.g. {@code LDTask}. */
    public String dictionaryValue() {
        return dictionaryValue;
    }

    /** The type for an ETSI ObjectType dictionary value. */
    public static Hi1ObjectType fromDictionaryValue(String value) {
        return Arrays.stream(values()).filter(t -> t.dictionaryValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an ObjectType lexgate stores: " + value));
    }

    /** The stored types this type selects in a LIST. */
    List<Hi1ObjectType> selects() {
        return this == TASK ? List.of(LD_TASK, LP_TASK) : List.of(this);
    }
}
