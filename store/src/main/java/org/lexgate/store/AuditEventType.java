package org.lexgate.store;

/**
 * What happened, in the audit trail. Stored by name: add new names at will, never rename one.
 * The store itself writes the events marked (store).
 */
public enum AuditEventType {
    /** A message arrived (before the checks). */
    RECEIVED,
    /** (store) A message passed every check and was stored with its receipt. */
    ACCEPTED,
    /** (store) A message with an already recorded business key came again; its original receipt was returned. */
    DUPLICATE,
    /** (store) A message was refused; the code is the one sent to the peer. No message row exists. */
    REFUSED,
    /** The receipt left the node. */
    RECEIPT_SENT,
    /** (store) An outbound message was recorded for delivery. */
    QUEUED,
    /** A contact point forwarded a message unchanged. */
    FORWARDED,
    /** A contact point gave effect to a foreign request with its own domestic request. */
    GIVEN_EFFECT,
    /** (store) The destination's signed receipt was verified and stored. */
    DELIVERED,
    /** (store) Delivery gave up; the code and reason are in the event. */
    DEAD_LETTERED,
    /** (store) An operator asked to resend a dead letter. */
    RESEND_REQUESTED,
    /** (store) An object's Status or DesiredStatus changed. */
    STATUS_CHANGED,
    /** The message was handed to the provider's back end (adapter). */
    HANDED_TO_BACKEND,
    /** (store) A follow-up clock (Budapest Convention Art. 29(7)) started. */
    FOLLOW_UP_STARTED,
    /** (store) The requester was warned that the follow-up clock runs out. */
    FOLLOW_UP_WARNED,
    /** (store) The follow-up clock stopped (MLA request received, preservation released). */
    FOLLOW_UP_STOPPED
}
