/**
 * lexgate's message schemas and their Java binding.
 *
 * <p>{@link org.lexgate.xsd.Hi1Schemas} is the only class: it hands out the JAXB context over
 * every generated package, the compiled validation schema (classpath only, nothing fetched),
 * the schema files and the two dictionary files. The schemas themselves are resources in
 * {@code org/lexgate/xsd/}:
 *
 * <ul>
 *   <li>{@code hi1-*.xsd}, {@code ts103280.xsd}: lexgate's profile of ETSI TS 103 120, written
 *       for lexgate in ETSI's namespaces with ETSI's names, order and types, limited to the
 *       objects lexgate supports (Authorisation, LD/LP tasks, Document, Notification, Delivery,
 *       the GETCSPCONFIG catalogue);
 *   <li>{@code xmldsig.xsd}: the subset of XML Signature lexgate accepts as document signature;
 *   <li>{@code lexgate-extension.xsd}: namespace {@value org.lexgate.xsd.Hi1Schemas#LEXGATE_NS},
 *       the types plugged into ETSI's {@code National*} extension points;
 *   <li>{@code lexgate-profile.xsd}: the validation entry point importing all of the above;
 *   <li>{@code etsi-dictionaries.xml}, {@code lexgate-dictionaries.xml}: allowed dictionary values.
 * </ul>
 *
 * <p>Generated packages (in {@code target/} only): {@code org.lexgate.hi1.core}, {@code .common},
 * {@code .authorisation}, {@code .task}, {@code .document}, {@code .notification},
 * {@code .delivery}, {@code .config}, {@code .dictionaries}, {@code .etsi280}, {@code .xmldsig},
 * {@code .lexgate}.
 */
package org.lexgate.xsd;
