/**
 * The HI-1 message layer: how lexgate reads, checks and writes ETSI TS 103 120 messages.
 *
 * <p>Start here:
 * <ul>
 *   <li>{@link org.lexgate.message.Hi1Codec} — parse bytes or a stream into a
 *       {@link org.lexgate.message.ParsedMessage} (exact bytes, DOM, typed {@code HI1Message}),
 *       write a message, or run the steps one by one ({@code readChecked}, {@code check},
 *       {@code bind}) when a signature must be verified on the DOM before binding.</li>
 *   <li>{@link org.lexgate.message.ErrorCode} and {@link org.lexgate.message.MessageRejectedException}
 *       — every refusal, with the code and safe text a peer may see; the detail stays in the log.</li>
 *   <li>{@link org.lexgate.message.xml.HardenedXml} and {@link org.lexgate.message.xml.XmlLimits}
 *       — the only way untrusted bytes become a DOM.</li>
 * </ul>
 *
 * <p>The checks, in order, each in its own class: the hardened parse
 * ({@code org.lexgate.message.xml}), the root namespace ({@code Hi1Codec}), {@code XsiTypeScreen},
 * {@code SchemaCheck} with {@code LexicalRule}, {@code DictionaryCheck}, then {@code Hi1Binding} (fed by
 * {@code DomToJaxb}, which hands JAXB each text without copying it).
 * {@link org.lexgate.message.SchemaSet} compiles local schemas without ever fetching;
 * {@link org.lexgate.message.Dictionaries} holds dictionary values.
 */
package org.lexgate.message;
