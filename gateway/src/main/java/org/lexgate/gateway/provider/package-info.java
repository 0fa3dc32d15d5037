/**
 * The provider role (issue 4 item 8; guidelines §51, §53, §57): {@link org.lexgate.gateway.provider.ProviderDesk}
 * records each verified request and hands it to the provider's systems through the adapter
 * ({@link org.lexgate.gateway.provider.ProviderRequests}); {@link org.lexgate.gateway.provider.AnswerPoller}
 * turns the back end's answers into the standard response ({@link org.lexgate.gateway.provider.StandardResponses}:
 * DELIVER with inline data and its SHA-256, data existence, Preserved status, or a refusal with
 * reason and explanation), sends it back the way the request came, sets the Status, and only then
 * acknowledges the answer.
 */
package org.lexgate.gateway.provider;
