/**
 * The inbound pipeline (issue 4 items 2 and 5; DESIGN.md "Inside a node").
 *
 * <h2>Channels</h2>
 * SOAP hop ({@link org.lexgate.gateway.inbound.SoapInbound}, a {@code HopHandler}), ETSI HTTP POST
 * ({@link org.lexgate.gateway.inbound.EtsiHttpEndpoint}) and an Artemis queue
 * ({@link org.lexgate.gateway.inbound.QueueInboundRoute}) all hand the exact bytes to one route.
 *
 * <h2>{@link org.lexgate.gateway.inbound.AcceptRoute} ({@code lexgate-accept}), step by step</h2>
 * {@code StripExternalHeaders → ParseWithLimits → ValidateSchema → VerifyDocumentSignature →
 * AuthoriseSender → CheckReceiver → RequireRequest → RejectDuplicate → SignReceipt →
 * StoreWithReceipt → EnqueueForProcessing}; any refusal ends in {@code RecordRefusal}. Each step is
 * one class whose javadoc quotes the rule it enforces. A sender gets its receipt only after
 * {@code StoreWithReceipt} committed it with the message; a duplicate gets the original receipt.
 *
 * <h2>{@link org.lexgate.gateway.inbound.ProcessingRoute}</h2>
 * {@code lexgate-processing-emergency} and {@code lexgate-processing}: {@code LoadAccepted →
 * HandToRole} in a JMS transaction, transient failures retried with backoff, permanent ones parked
 * on {@link org.lexgate.gateway.inbound.ProcessingQueues#DEAD} ({@code ParkFailedProcessing}).
 */
package org.lexgate.gateway.inbound;
