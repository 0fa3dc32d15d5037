package org.lexgate.trust.signature;

/**
 * A document could not be signed: the input is not a well-formed unsigned document, the key is
 * refused by the {@link AlgorithmPolicy}, or the cryptography failed. Local trouble, never a
 * peer's: the detail may be logged in full.
 */
public class DocumentSigningException extends Exception {

    private static final long serialVersionUID = 1L;

    public DocumentSigningException(String message) {
        super(message);
    }

    public DocumentSigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
