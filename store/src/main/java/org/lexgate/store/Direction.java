package org.lexgate.store;

/** Whether the node received a message ({@code IN}) or sent it ({@code OUT}). */
public enum Direction {
    IN, OUT
}
