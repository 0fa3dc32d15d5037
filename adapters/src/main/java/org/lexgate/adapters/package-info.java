/**
 * The adapter API: the contract between a lexgate node and the provider's systems behind it
 * (issue 4, item 8). Provider systems and connectors code against this package only; it depends on
 * nothing but the JDK and SLF4J (no JAXB, no gateway).
 *
 * <h2>The two directions</h2>
 * <ul>
 *   <li><b>Node → back end.</b> The node hands each verified, accepted and stored request the provider
 *       must handle to {@link org.lexgate.adapters.RequestSink#deliver} as a
 *       {@link org.lexgate.adapters.ProviderRequest}.</li>
 *   <li><b>Back end → node.</b> The node {@linkplain org.lexgate.adapters.AnswerSource#poll polls} for
 *       {@link org.lexgate.adapters.ProviderAnswer}s, turns each into the standard ETSI response
 *       (guideline §53) or a refusal with reason and explanation (§57), and then
 *       {@linkplain org.lexgate.adapters.AnswerSource#acknowledge acknowledges} or
 *       {@linkplain org.lexgate.adapters.AnswerSource#reject rejects} it.</li>
 * </ul>
 *
 * <h2>What each outcome does to the task</h2>
 * <table>
 *   <caption>Outcomes</caption>
 *   <tr><th>call</th><th>outcome</th><th>task state / what the node does</th></tr>
 *   <tr><td>{@code deliver}</td><td>returns</td><td>handed over; waiting for the answer (a
 *       cancellation or release is recorded as done)</td></tr>
 *   <tr><td>{@code deliver}</td><td>{@link org.lexgate.adapters.TransientAdapterException}</td><td>unchanged;
 *       the node keeps the request and retries with backoff, alerting after its retry limit</td></tr>
 *   <tr><td>{@code deliver}</td><td>{@link org.lexgate.adapters.PermanentAdapterException}</td><td>error
 *       state; failure recorded, operator alerted, no more retries</td></tr>
 *   <tr><td>{@code poll}</td><td>an answer</td><td>unchanged until the node has stored its response</td></tr>
 *   <tr><td>{@code poll}</td><td>a malformed answer</td><td>unchanged; never returned, set aside with
 *       its reason by the adapter</td></tr>
 *   <tr><td>{@code acknowledge}</td><td>returns</td><td>answered (the response is already stored);
 *       the answer is never returned again</td></tr>
 *   <tr><td>{@code reject}</td><td>returns</td><td>unchanged; the answer is set aside with the node's
 *       reason, and the provider may answer again</td></tr>
 *   <tr><td>{@code acknowledge}/{@code reject}/{@code poll}</td><td>{@code TransientAdapterException}</td><td>unchanged;
 *       the answer stays pending and comes back, recognised by its
 *       {@link org.lexgate.adapters.ReceivedAnswer#id() id}</td></tr>
 * </table>
 *
 * <h2>Types</h2>
 * {@link org.lexgate.adapters.Adapter} (start/stop, one sink and one source),
 * {@link org.lexgate.adapters.AdapterFactory} (by configured type, through {@code ServiceLoader}),
 * {@link org.lexgate.adapters.ObjectIdentifier} (the task and case references),
 * {@link org.lexgate.adapters.RequestKind}, {@link org.lexgate.adapters.RefusalReason} (lexgate's
 * dictionary). The first connector is {@link org.lexgate.adapters.filedrop}: folders of plain files.
 */
package org.lexgate.adapters;
