package org.lexgate.store;

/** The outbound lane: emergency traffic (IsEmergency or High priority) never waits behind routine. */
public enum Lane {
    EMERGENCY, ROUTINE
}
