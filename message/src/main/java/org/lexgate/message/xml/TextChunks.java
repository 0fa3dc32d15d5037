package org.lexgate.message.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * The character data of one text node as the parser hands it over, in pieces. Each piece is copied
 * once (the parser reuses its array) and the text is made once, at its exact length: a text of
 * megabytes costs its pieces and itself, not the doubling copies of a growing buffer, and a text
 * that came in one piece is that piece.
 */
final class TextChunks {

    private final List<String> chunks = new ArrayList<>();
    private long length;

    /** Characters so far. */
    long length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    void append(char[] ch, int start, int count) {
        if (count == 0) {
            return;
        }
        chunks.add(new String(ch, start, count));
        length += count;
    }

    /** The text collected since the last call, which starts the next text. */
    String take() {
        String text = switch (chunks.size()) {
            case 0 -> "";
            case 1 -> chunks.get(0);
            default -> String.join("", chunks); // sized once from the pieces
        };
        chunks.clear();
        length = 0;
        return text;
    }

    /** Forgets the text collected since the last {@link #take}. */
    void clear() {
        chunks.clear();
        length = 0;
    }
}
