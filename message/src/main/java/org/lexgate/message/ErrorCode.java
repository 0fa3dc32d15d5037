package org.lexgate.message;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every reason lexgate refuses a message, with the number sent to the peer and a text that is safe
 * to show a peer. The detail of a refusal goes to the log and the audit trail, never into
 * {@link #safeText()}.
 *
 * <p>3000–3022 are the error codes of ETSI TS 103 120 Annex D, as lexgate uses them. 9000 and
 * above are lexgate's own, finer codes for what Annex D lumps together (hostile XML, signatures,
 * certificates, the SOAP hop); a peer that knows only Annex D reads them as 3000.
 */
public enum ErrorCode {

    // --- ETSI TS 103 120 Annex D ---
    GENERAL_BUSINESS_LOGIC_ERROR(3000, "The request could not be processed.", false),
    FEATURE_NOT_SUPPORTED(3001, "The message uses a feature that this node does not support.", false),
    SCHEMA_VALIDATION_FAILED(3002, "The message does not conform to the schema.", false),
    UNKNOWN_OBJECT(3003, "The object referred to is not known.", false),
    OBJECT_ALREADY_EXISTS(3004, "An object with this identifier already exists.", false),
    UNSUPPORTED_VERSION(3005, "The message version is not supported.", false),
    UNKNOWN_SENDER(3006, "The sender is not known to this node.", false),
    WRONG_RECEIVER(3007, "The message is not addressed to this node.", false),
    INVALID_TRANSACTION_IDENTIFIER(3008, "The transaction identifier is not valid.", false),
    INVALID_TIMESTAMP(3009, "The message timestamp is not valid.", false),
    INVALID_DICTIONARY_VALUE(3010, "A dictionary value is not known.", false),
    INVALID_OBJECT_STATE(3011, "The object is not in a state that allows this action.", false),
    GENERATION_MISMATCH(3012, "The object generation does not match.", false),
    INVALID_ACTION(3013, "The action is not valid for this object.", false),
    NOT_AUTHORISED(3014, "The sender is not authorised for this request.", false),
    SIGNATURE_INVALID(3015, "The message signature could not be verified.", false),
    MISSING_INFORMATION(3016, "Information required for this request is missing.", false),
    INVALID_REFERENCE(3017, "A referenced object is not valid.", false),
    DUPLICATE_TRANSACTION(3018, "This transaction has already been received.", false),
    TEMPORARILY_UNAVAILABLE(3019, "The node cannot process the message at the moment.", true),
    DELIVERY_FAILED(3020, "The delivery could not be completed.", true),
    UNSUPPORTED_ENCODING(3021, "The message encoding is not supported.", false),
    MESSAGE_TOO_LARGE(3022, "The message is too large.", false),

    // --- lexgate: hostile or malformed XML (9000–9099) ---
    NOT_WELL_FORMED(9001, "The message is not well-formed XML.", false),
    DOCTYPE_FORBIDDEN(9002, "Document type declarations are not allowed.", false),
    EXTERNAL_ENTITY_FORBIDDEN(9003, "External entities are not allowed.", false),
    ENTITY_EXPANSION_FORBIDDEN(9004, "Entity expansion is not allowed.", false),
    XINCLUDE_FORBIDDEN(9005, "XInclude is not allowed.", false),
    DEPTH_LIMIT_EXCEEDED(9006, "The message is nested too deeply.", false),
    ELEMENT_LIMIT_EXCEEDED(9007, "The message has too many elements.", false),
    ATTRIBUTE_LIMIT_EXCEEDED(9008, "An element has too many attributes.", false),
    TEXT_LIMIT_EXCEEDED(9009, "A text value is too large.", false),
    WRONG_NAMESPACE(9010, "The message is not an HI-1 message in a supported namespace.", false),
    UNKNOWN_XSI_TYPE(9011, "The message names a type that is not known.", false),
    UUID_NOT_LOWER_CASE(9012, "Identifiers must be lower-case UUIDs.", false),
    BAD_LDID(9013, "A lawful disclosure identifier is not valid.", false),
    BAD_VERSION_FORMAT(9014, "A version is not written as V<major>.<minor>.<patch>.", false),

    // --- lexgate: document signature (9100–9199) ---
    SIGNATURE_MISSING(9101, "The message is not signed.", false),
    SIGNATURE_STRUCTURE_INVALID(9102, "The message signature is not in the accepted form.", false),
    SIGNATURE_DIGEST_MISMATCH(9103, "The signed content does not match its signature.", false),
    SIGNATURE_VALUE_INVALID(9104, "The message signature could not be verified.", false),
    SIGNATURE_REFERENCE_INVALID(9105, "The signature does not cover the whole message.", false),
    SIGNATURE_ALGORITHM_NOT_ALLOWED(9106, "The signature uses an algorithm that is not allowed.", false),
    SIGNATURE_TRANSFORM_NOT_ALLOWED(9107, "The signature uses a transform that is not allowed.", false),
    SIGNATURE_KEY_INFO_INVALID(9108, "The signer's certificate could not be read.", false),

    // --- lexgate: signer certificate, sender binding and authority (9200–9299) ---
    CERTIFICATE_EXPIRED(9201, "The signer's certificate has expired.", false),
    CERTIFICATE_NOT_YET_VALID(9202, "The signer's certificate is not yet valid.", false),
    CERTIFICATE_REVOKED(9203, "The signer's certificate has been revoked.", false),
    CERTIFICATE_UNTRUSTED(9204, "The signer's certificate is not trusted.", false),
    CERTIFICATE_KEY_TOO_WEAK(9205, "The signer's key does not meet the required strength.", false),
    CERTIFICATE_SUBJECT_NOT_ALLOWED(9206, "The signer's certificate is not accepted for this party.", false),
    SIGNER_NOT_SENDER(9207, "The message was not signed by its sender.", false),
    SENDER_UNKNOWN(9208, "The sender is not known to this node.", false),
    SENDER_NOT_AUTHORISED(9209, "The sender is not authorised for this request.", false),
    REVOCATION_STATUS_UNKNOWN(9210, "The revocation status of the signer's certificate could not be established.", true),

    // --- lexgate: the SOAP hop (9300–9399) ---
    HOP_SECURITY_INVALID(9301, "The message security header could not be verified.", false),
    HOP_REPLAY(9302, "The message has already been received.", false),
    HOP_TIMESTAMP_EXPIRED(9303, "The message has expired.", false),
    HOP_TIMESTAMP_IN_FUTURE(9304, "The message timestamp is in the future.", false),
    HOP_TIMESTAMP_INVALID(9305, "The message timestamp is missing or incomplete.", false),
    HOP_BODY_NOT_SIGNED(9306, "The message body is not signed.", false),
    HOP_SIGNER_NOT_NEIGHBOUR(9307, "The message was not handed over by a known neighbour.", false);

    private static final Map<Integer, ErrorCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toMap(ErrorCode::code, Function.identity()));

    private final int code;
    private final String safeText;
    private final boolean transientFailure;

    ErrorCode(int code, String safeText, boolean transientFailure) {
        this.code = code;
        this.safeText = safeText;
        this.transientFailure = transientFailure;
    }

    /** The number sent to the peer in {@code ErrorInformation/ErrorCode}. */
    public int code() {
        return code;
    }

    /** A text that may be shown to a peer: it names the rule, never the detail. */
    public String safeText() {
        return safeText;
    }

    /** True when the same message may succeed later (back off and retry); false when it never will. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** True for the codes of ETSI TS 103 120 Annex D; false for lexgate's own range. */
    public boolean isEtsi() {
        return code < 9000;
    }

    /** The Annex D code a peer that knows only ETSI's table should read. */
    public int etsiCode() {
        if (isEtsi()) {
            return code;
        }
        return switch (code / 100) {
            case 91 -> SIGNATURE_INVALID.code;
            case 92 -> this == SENDER_NOT_AUTHORISED ? NOT_AUTHORISED.code : SIGNATURE_INVALID.code;
            case 93 -> SIGNATURE_INVALID.code;
            default -> SCHEMA_VALIDATION_FAILED.code;
        };
    }

    public static Optional<ErrorCode> byCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
