/**
 * Sender binding and authority: the step after the document signature verified, where lexgate
 * decides whether the signer may speak for the sender named in the header and whether that sender
 * may ask for what the message asks (DESIGN.md "Two layers of signatures"; guidelines §22, §24,
 * §51).
 *
 * <ul>
 *   <li>{@link org.lexgate.trust.binding.SenderBinding} — the entry point; its javadoc lists the
 *       checks in order and the error code of each refusal (9201–9210).</li>
 *   <li>{@link org.lexgate.trust.binding.CertificateValidator} — key, validity, PKIX path, CRL.</li>
 *   <li>{@link org.lexgate.trust.binding.KeyPolicy} — RSA ≥ 2048, EC P-256/P-384, Ed25519.</li>
 *   <li>{@link org.lexgate.trust.binding.AuthorityExtractor} — reads sender and
 *       {@link org.lexgate.trust.binding.RequestedAuthority} from the verified HI1Message DOM.</li>
 *   <li>{@link org.lexgate.trust.binding.AuthorityCheck} — roles, then the directory's grants.</li>
 * </ul>
 */
package org.lexgate.trust.binding;
