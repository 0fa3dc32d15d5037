/**
 * The end-to-end document signature of HI-1 messages (DESIGN.md, "Two layers of signatures").
 *
 * <p>Map:
 * <ul>
 *   <li>{@link org.lexgate.trust.signature.DocumentSigner} — signs a whole {@code HI1Message} with an
 *       enveloped {@code ds:Signature} as its last child (C14N 1.1, SHA-256, certificate in KeyInfo),
 *       from a {@link org.lexgate.trust.signature.SigningCredential} whose key and certificate it checks
 *       once, when built. {@code sign(byte[])} splices the signature into the input bytes;
 *       {@code signDocument(Document)} signs a namespace-complete DOM (such as
 *       {@code Hi1Codec.writeDocument} makes) in place and serialises it once.</li>
 *   <li>{@link org.lexgate.trust.signature.DocumentVerifier} — checks the shape, the algorithms and the
 *       cryptography, and returns a {@link org.lexgate.trust.signature.VerifiedDocument}: the exact
 *       bytes, the DOM that was verified and the signer's certificate. Each refusal is a
 *       {@code MessageRejectedException} with one of the codes 9101–9108. A caller that has already
 *       parsed the bytes with {@code HardenedXml} passes that DOM too ({@code verify(bytes, parsed)}),
 *       or only that DOM when it holds the bytes in a form of its own ({@code verifyParsed(parsed)}:
 *       the result then keeps no bytes).</li>
 *   <li>{@link org.lexgate.trust.signature.AlgorithmPolicy} — the one list of allowed algorithm URIs
 *       and key strengths.</li>
 * </ul>
 * Trust in the signer's certificate (anchor, validity, revocation, subject, sender) is decided by the
 * sender binding ({@code org.lexgate.trust.binding}), not here.
 */
package org.lexgate.trust.signature;
