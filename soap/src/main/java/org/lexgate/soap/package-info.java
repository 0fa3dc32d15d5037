/**
 * The SOAP hop: how one lexgate node hands a signed HI1Message to its neighbour (DESIGN.md, "Two
 * layers of signatures", layer 2; issue 3 item 4).
 *
 * <h2>Map</h2>
 * <ul>
 *   <li>{@link org.lexgate.soap.HopEndpoint} publishes the service of {@code wsdl/} (its
 *       WS-SecurityPolicy says what must be signed) and hands verified deliveries to a
 *       {@link org.lexgate.soap.HopHandler};</li>
 *   <li>{@link org.lexgate.soap.HopClient} sends to a neighbour's endpoint and returns its receipt,
 *       or throws {@link org.lexgate.soap.HopException} (refused / unreachable / bad response,
 *       retryable or not);</li>
 *   <li>{@link org.lexgate.soap.HopSecurity} and {@link org.lexgate.soap.HopKeys}: keys, trust
 *       anchors and Timestamp rules, turned into CXF/WSS4J settings in one place;
 *       {@link org.lexgate.soap.HopTls} the optional (mutual) TLS;</li>
 *   <li>{@link org.lexgate.soap.JdbcReplayCache}: WSS4J's replay cache in a database table, so
 *       replays are refused across restarts;</li>
 *   <li>{@link org.lexgate.soap.NeighbourPolicy}: "is this verified hop signer the neighbour the
 *       directory names for this endpoint?" — implemented by the party directory.</li>
 * </ul>
 *
 * <h2>The path of a request through an endpoint</h2>
 * <ol>
 *   <li>CXF/WSS4J, driven by the WSDL's policy: X.509 signature (RSA-SHA256, SHA-256 digests) by a
 *       certificate that chains to the hop truststore; a signed Timestamp with Expires, Created at
 *       most TTL old and at most the clock skew ahead; the Body signed; the Timestamp Created +
 *       signature not seen before ({@link org.lexgate.soap.JdbcReplayCache}).</li>
 *   <li>{@code HopService}: the verified signer must be a neighbour
 *       ({@link org.lexgate.soap.NeighbourPolicy}); the exact bytes of the message go to the
 *       {@link org.lexgate.soap.HopHandler}; its receipt goes back, signed by this node.</li>
 *   <li>Any refusal: {@code HopFailures} maps it to one code of
 *       {@link org.lexgate.message.ErrorCode} (93xx for the hop), {@code HopFaultListener} logs one
 *       line with the detail and answers a SOAP fault with only the code and its safe text.</li>
 * </ol>
 *
 * <p>Logging: include {@code org/lexgate/soap/logback-hop.xml} in the node's logback
 * configuration to silence the libraries' own per-refusal lines (STACK.md pitfall 12).
 */
package org.lexgate.soap;
