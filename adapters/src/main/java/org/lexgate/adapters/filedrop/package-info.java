/**
 * The file-drop connector: the provider's systems exchange plain files with the node, so a provider
 * can answer without writing Java.
 *
 * <ul>
 *   <li>{@link org.lexgate.adapters.filedrop.FileDropAdapter} — the adapter: start (folders, lock,
 *       clean-up), stop.</li>
 *   <li>{@link org.lexgate.adapters.filedrop.FileDropConfig} — settings, each with a default.</li>
 *   <li>{@code FileDropRequests} writes {@code requests/<task>.<kind>.request.xml} and
 *       {@code .request.properties} atomically ({@code AtomicFiles}, {@code RequestSummary}).</li>
 *   <li>{@code FileDropAnswers} picks up {@code answers/<task>.answer.properties}
 *       ({@code AnswerFile} parses, failing closed) and moves them to {@code done/} or
 *       {@code rejected/}.</li>
 * </ul>
 * The folder layout and file formats are in {@code adapters/README.md}.
 */
package org.lexgate.adapters.filedrop;
