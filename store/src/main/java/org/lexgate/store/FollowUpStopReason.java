package org.lexgate.store;

/** Why a follow-up clock stopped. */
public enum FollowUpStopReason {
    /** The mutual-legal-assistance request arrived (Budapest Convention Art. 29(7)). */
    MLA_REQUEST_RECEIVED,
    /** The requester released the preservation (§35). */
    PRESERVATION_RELEASED,
    /** The preservation was withdrawn or refused. */
    WITHDRAWN
}
