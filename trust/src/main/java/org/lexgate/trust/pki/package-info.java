/**
 * The development PKI of lexgate's tests and demonstrations — NOT FOR PRODUCTION.
 *
 * <p>{@link org.lexgate.trust.pki.TestPki#generate(java.nio.file.Path)} writes a root CA with its CRL,
 * PKCS#12 keystores and PEM files for the example parties of {@link org.lexgate.trust.pki.TestParty}
 * (RSA-2048, plus ECDSA P-256 and Ed25519 signers for XA-AGENCY), and the deliberately bad signers of
 * {@link org.lexgate.trust.pki.BadSigner}; it returns them as {@link org.lexgate.trust.pki.TestIdentity}
 * objects. Tests generate theirs at run time: no private key is ever committed.
 */
package org.lexgate.trust.pki;
