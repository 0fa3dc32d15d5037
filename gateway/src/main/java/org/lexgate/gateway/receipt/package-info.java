/**
 * Receipts (issue 4 item 3): the signed ETSI response that answers every message.
 *
 * <ul>
 *   <li>{@link org.lexgate.gateway.receipt.ReceiptWriter}: ActionResponses (one per ActionRequest,
 *       matching type) or ErrorInformation, same TransactionIdentifier, the request's digest in the
 *       header ({@link org.lexgate.gateway.receipt.ReceiptMarker}), signed with the node's key.</li>
 *   <li>{@link org.lexgate.gateway.receipt.QueryAnswers} /
 *       {@link org.lexgate.gateway.receipt.StoreQueryAnswers}: GET and LIST answered from the store.</li>
 *   <li>{@link org.lexgate.gateway.receipt.ReceiptVerifier}: the sending side's check of a receipt.</li>
 * </ul>
 */
package org.lexgate.gateway.receipt;
