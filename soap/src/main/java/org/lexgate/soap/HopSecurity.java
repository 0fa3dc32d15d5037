package org.lexgate.soap;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.tokenstore.MemoryTokenStore;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.cache.ReplayCache;

/**
 * The runtime half of the hop profile; the other half is the WS-SecurityPolicy in the WSDL
 * ({@code wsdl/.../lexgate-hi1.wsdl}, {@code LexgateHopPolicy}), which says what must be signed
 * and how. This says with which keys, and how fresh a Timestamp must be.
 *
 * @param keys         this node's signing key and the anchors hop signers must chain to
 * @param timestampTtl how old a Timestamp's Created may be (default 300 s); replay entries are
 *                     kept this long plus {@code clockSkew}
 * @param clockSkew    how far in the future a peer's Created may be (default 60 s)
 */
public record HopSecurity(HopKeys keys, Duration timestampTtl, Duration clockSkew) {

    public static final Duration DEFAULT_TIMESTAMP_TTL = Duration.ofSeconds(300);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    /** The one signature algorithm of the hop: RSA with SHA-256. */
    public static final String SIGNATURE_ALGORITHM = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    public HopSecurity {
        Objects.requireNonNull(keys, "keys");
        requirePositiveSeconds(timestampTtl, "timestampTtl");
        requirePositiveSeconds(clockSkew, "clockSkew");
    }

    /** The defaults: Timestamps live 300 s, clocks may differ by 60 s. */
    public static HopSecurity of(HopKeys keys) {
        return new HopSecurity(keys, DEFAULT_TIMESTAMP_TTL, DEFAULT_CLOCK_SKEW);
    }

    /**
     * How long a replay cache must remember a message: past this, its Timestamp is refused as
     * expired anyway.
     */
    public Duration replayWindow() {
        return timestampTtl.plus(clockSkew);
    }

    /**
     * The CXF / WSS4J properties of one endpoint or client, all in one place.
     *
     * @param replayCache where seen Timestamp+signature pairs are remembered; null for none (a
     *                    client that does not check its responses for replay)
     */
    Map<String, Object> cxfProperties(ReplayCache replayCache) {
        Map<String, Object> p = new HashMap<>();
        p.put(SecurityConstants.SIGNATURE_CRYPTO, keys.crypto());
        p.put(SecurityConstants.SIGNATURE_USERNAME, keys.keyAlias());
        p.put(SecurityConstants.CALLBACK_HANDLER, keys.passwordCallback());
        // WS-SecurityPolicy 1.2's suites all name RSA-SHA1 for asymmetric signatures; the hop
        // profile signs and accepts RSA-SHA256 only (SHA-1 signatures are refused as 9301).
        p.put(SecurityConstants.ASYMMETRIC_SIGNATURE_ALGORITHM, SIGNATURE_ALGORITHM);
        // Timestamp freshness: the outbound Expires is Created + TTL; inbound, Created may be at
        // most TTL old and clockSkew ahead, Expires must be present and not passed.
        p.put(SecurityConstants.TIMESTAMP_TTL, Long.toString(timestampTtl.toSeconds()));
        p.put(SecurityConstants.TIMESTAMP_FUTURE_TTL, Long.toString(clockSkew.toSeconds()));
        p.put(ConfigurationConstants.REQUIRE_TIMESTAMP_EXPIRES, "true");
        p.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        // Replay detection: WSS4J keys it by Timestamp Created + signature value + signing key.
        if (replayCache != null) {
            p.put(SecurityConstants.ENABLE_TIMESTAMP_CACHE, "true");
            p.put(SecurityConstants.TIMESTAMP_CACHE_INSTANCE, replayCache);
        } else {
            p.put(SecurityConstants.ENABLE_TIMESTAMP_CACHE, "false");
        }
        // The token store only holds this exchange's own tokens: memory, not EHCache (pitfall 12).
        p.put(SecurityConstants.TOKEN_STORE_CACHE_INSTANCE, new MemoryTokenStore());
        // No UsernameTokens or SAML here: no caches for them (and no EHCache start-up noise).
        p.put(SecurityConstants.ENABLE_NONCE_CACHE, "false");
        p.put(SecurityConstants.ENABLE_SAML_ONE_TIME_USE_CACHE, "false");
        // Peers get a unified security fault, never WSS4J's detail (STACK.md pitfall 11).
        p.put(SecurityConstants.RETURN_SECURITY_ERROR, "false");
        return p;
    }

    private static void requirePositiveSeconds(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.toSeconds() < 1) {
            throw new IllegalArgumentException(name + " must be at least one second, was " + d);
        }
    }
}
