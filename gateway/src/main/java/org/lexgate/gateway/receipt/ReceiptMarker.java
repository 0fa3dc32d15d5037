package org.lexgate.gateway.receipt;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a receipt names the digest of the message it answers. The lexgate extension schema has no
 * element for it yet, so the receipt carries it in the response header's {@code WorkflowIdentifier}
 * (an ETSI LongString that a response is free to set) as {@code lexgate-receipt sha256:<hex>}. The
 * header is covered by the receipt's document signature like everything else.
 *
 * <p>Proposed for the xsd module: a {@code lexgate:ReceiptDetails} element (digest algorithm, value,
 * received-at) so that the digest need not borrow the WorkflowIdentifier.
 */
public final class ReceiptMarker {

    /** The prefix of the WorkflowIdentifier of a lexgate receipt. */
    public static final String PREFIX = "lexgate-receipt sha256:";

    private static final Pattern FORM = Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{64})");

    private ReceiptMarker() {
    }

    /** The WorkflowIdentifier of the receipt of a message with this digest. */
    public static String of(String sha256Hex) {
        if (!FORM.matcher(PREFIX + sha256Hex).matches()) {
            throw new IllegalArgumentException("not a lower-case SHA-256 hex digest: " + sha256Hex);
        }
        return PREFIX + sha256Hex;
    }

    /** The digest a receipt's WorkflowIdentifier names, if it is a lexgate receipt marker. */
    public static Optional<String> digest(String workflowIdentifier) {
        if (workflowIdentifier == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(workflowIdentifier.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
