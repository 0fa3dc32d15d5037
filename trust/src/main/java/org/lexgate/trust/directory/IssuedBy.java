package org.lexgate.trust.directory;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an anchor's certificate issued another certificate — the issuer names the anchor and the
 * anchor's key verifies its signature — remembered, because the answer depends on the two
 * certificates alone and every message asks it again for its signer (to find whose certificate it
 * is, then which anchor's CRLs apply). At most {@value #CAPACITY} pairs are kept; when that many
 * accumulate (say, from a stream of strangers' certificates) the memory is cleared and refills.
 */
final class IssuedBy {

    static final int CAPACITY = 4096;

    private static final Map<Pair, Boolean> KNOWN = new ConcurrentHashMap<>();

    private record Pair(X509Certificate issuer, X509Certificate issued) {
    }

    private IssuedBy() {
    }

    static boolean check(X509Certificate issuer, X509Certificate issued) {
        if (!issued.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false; // a cheap comparison: not worth remembering
        }
        Pair pair = new Pair(issuer, issued);
        Boolean known = KNOWN.get(pair);
        if (known != null) {
            return known;
        }
        boolean verified = verify(issuer, issued);
        if (KNOWN.size() >= CAPACITY) {
            KNOWN.clear();
        }
        KNOWN.put(pair, verified);
        return verified;
    }

    private static boolean verify(X509Certificate issuer, X509Certificate issued) {
        try {
            issued.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
