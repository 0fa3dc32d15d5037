/**
 * Outbound (issue 4 item 4): {@link org.lexgate.gateway.outbound.MessageSender} is the roles' way to
 * send; {@link org.lexgate.gateway.outbound.NodeMessageSender} signs, records and queues on the
 * destination's lane ({@link org.lexgate.gateway.outbound.Destinations} adds delivery routes on
 * first use); the delivery module sends with retries, and
 * {@link org.lexgate.gateway.outbound.StoreReceiptCheck} /
 * {@link org.lexgate.gateway.outbound.StoreDeliveryListener} verify and record the outcome.
 */
package org.lexgate.gateway.outbound;
