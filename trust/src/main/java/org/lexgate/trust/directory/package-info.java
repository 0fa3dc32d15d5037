/**
 * The party directory: one XML file ({@code directory.xsd}, namespace
 * {@code http://lexgate.org/ns/directory/2026/11}) listing every organisation a node knows — ids as
 * in the ETSI header, roles, endpoints, signing certificates and trust anchors, authority grants
 * (§22), contact details (§21 §24 §39 §47 §48 §50) — and the 24/7 routing table.
 *
 * <ul>
 *   <li>{@link org.lexgate.trust.directory.PartyDirectory#load} — schema and semantic checks, every
 *       error with file:line: reason in one {@link org.lexgate.trust.directory.DirectoryException};
 *       immutable result only on full success.</li>
 *   <li>{@link org.lexgate.trust.directory.Party}, {@link org.lexgate.trust.directory.Grant},
 *       {@link org.lexgate.trust.directory.Anchor}, {@link org.lexgate.trust.directory.Route} — the
 *       model (records).</li>
 *   <li>{@link org.lexgate.trust.directory.TestDirectoryWriter} — the example network's directory
 *       for a generated test PKI ({@code lexgate pki init}).</li>
 *   <li>Internals: {@code org.lexgate.message.xml.LocatedXmlReader} (hardened SAX with line numbers, shared with the node configuration), {@code DirectoryBuilder},
 *       {@code PartyParser}, {@code AnchorParser}.</li>
 * </ul>
 */
package org.lexgate.trust.directory;
