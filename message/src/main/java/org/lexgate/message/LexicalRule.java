package org.lexgate.message;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.w3c.dom.TypeInfo;

/**
 * The lexical rules of TS 103 120 / TS 103 280 that lexgate reports with their own code rather
 * than as a schema failure. Each rule applies to every element whose schema type is, or is
 * derived from, the named TS 103 280 / TS 103 120 simple type (so {@code core:ObjectIdentifier}
 * counts as a UUID), wherever it occurs in the message.
 */
enum LexicalRule {

    /** etsi:UUID: lower case only (an upper- or mixed-case UUID is refused as such). */
    LOWER_CASE_UUID(Hi1Namespaces.ETSI280, "UUID", ErrorCode.UUID_NOT_LOWER_CASE) {
        private final Pattern anyCase = Pattern.compile(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        @Override
        boolean violatedBy(String value) {
            String token = value.strip();
            return anyCase.matcher(token).matches() && !token.equals(token.toLowerCase(java.util.Locale.ROOT));
        }
    },

    /** etsi:QualifiedMicrosecondDateTime (the header Timestamp): exactly six fractional digits and an offset. */
    MICROSECOND_TIMESTAMP(Hi1Namespaces.ETSI280, "QualifiedMicrosecondDateTime", ErrorCode.INVALID_TIMESTAMP) {
        private final Pattern form = Pattern.compile(
                "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}(Z|[+-][0-9]{2}:[0-9]{2})");

        @Override
        boolean violatedBy(String value) {
            String token = value.strip();
            if (!form.matcher(token).matches()) {
                return true;
            }
            try {
                OffsetDateTime.parse(token);
                return false;
            } catch (DateTimeParseException e) {
                return true;
            }
        }
    },

    /** etsi:LDID: {@code CC-x-y}, a two-letter country code and two non-empty parts. */
    LDID(Hi1Namespaces.ETSI280, "LDID", ErrorCode.BAD_LDID) {
        private final Pattern form = Pattern.compile("[A-Z]{2}-.+-.+");

        @Override
        boolean violatedBy(String value) {
            return !form.matcher(value).matches();
        }
    },

    /** common:ETSIVersion: {@code V<major>.<minor>.<patch>}, e.g. V1.23.1. */
    ETSI_VERSION(Hi1Namespaces.COMMON, "ETSIVersion", ErrorCode.BAD_VERSION_FORMAT) {
        private final Pattern form = Pattern.compile("V[0-9]+\\.[0-9]+\\.[0-9]+");

        @Override
        boolean violatedBy(String value) {
            return !form.matcher(value.strip()).matches();
        }
    };

    private final String namespace;
    private final String typeName;
    private final ErrorCode code;

    LexicalRule(String namespace, String typeName, ErrorCode code) {
        this.namespace = namespace;
        this.typeName = typeName;
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }

    abstract boolean violatedBy(String value);

    /** The rule for an element of this schema type, or null. */
    static LexicalRule forType(TypeInfo type) {
        if (type == null || type.getTypeName() == null) {
            return null;
        }
        for (LexicalRule rule : values()) {
            if ((rule.namespace.equals(type.getTypeNamespace()) && rule.typeName.equals(type.getTypeName()))
                    || type.isDerivedFrom(rule.namespace, rule.typeName, TypeInfo.DERIVATION_RESTRICTION)) {
                return rule;
            }
        }
        return null;
    }

    MessageRejectedException reject(String element, String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return new MessageRejectedException(code, name() + " violated by " + element + ": '" + shown + "'");
    }
}
