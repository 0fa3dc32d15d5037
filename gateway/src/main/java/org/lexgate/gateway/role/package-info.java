/**
 * What a node does with an accepted message, by its roles (issue 4 items 6 and 7). The node core
 * calls {@link org.lexgate.gateway.role.Roles#create} once and then
 * {@link org.lexgate.gateway.role.RoleHandler#handle} for every accepted message from its processing
 * queue; {@link org.lexgate.gateway.role.RoleDispatcher} sends each to the role that acts on it.
 *
 * <ul>
 *   <li>Contract with the core: {@link org.lexgate.gateway.role.AcceptedInbound},
 *       {@link org.lexgate.gateway.role.RoleHandler} (permanent vs transient failures, idempotent per
 *       message, {@code close()}), {@link org.lexgate.gateway.role.RoleContext}.</li>
 *   <li>State: {@link org.lexgate.gateway.role.CaseBook} — tasks with the two-sided status
 *       (DesiredStatus from the requester, Status from the provider) in the store's objects (GET,
 *       LIST, STATUS_CHANGED in the trail) plus the role table {@code role_task} (who asked, where
 *       answers go back, the foreign task a contact point relays); {@link org.lexgate.gateway.role.TaskRecord}.</li>
 *   <li>Messages: {@link org.lexgate.gateway.role.Hi1View} (what a message is and refers to),
 *       {@link org.lexgate.gateway.role.Hi1Parts} (attached signed documents, stable identifiers),
 *       {@link org.lexgate.gateway.role.StatusReport} (a Status pushed back in a notification),
 *       {@link org.lexgate.gateway.role.Outbox} (send, reply the way the request came, forward).</li>
 *   <li>Settings: {@link org.lexgate.gateway.role.RoleSettings} (follow-up clock, back-end adapter).</li>
 * </ul>
 * The roles themselves: {@link org.lexgate.gateway.provider}, {@link org.lexgate.gateway.agency},
 * {@link org.lexgate.gateway.relay} (contact point).
 */
package org.lexgate.gateway.role;
