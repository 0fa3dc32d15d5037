package org.lexgate.gateway.receipt;

/** A receipt could not be written or signed: a fault of this node, never of the peer (3019 to the peer). */
public class ReceiptException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReceiptException(String message, Throwable cause) {
        super(message, cause);
    }
}
