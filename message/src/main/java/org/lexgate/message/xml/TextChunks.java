package org.lexgate.message.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * The character data of one text as the parser hands it over, in pieces. Each piece is copied
 * once (the parser reuses its array) and the text is made once, at its exact length: a text that
 * came in one piece is that piece.
 *
 * <p>A text longer than {@link #NODE_CHARS} (a delivery's base64 payload, megabytes) is not made
 * into one string: it is collected in one reused buffer of that size and handed over as strings of
 * {@code NODE_CHARS} characters ({@link #takeFull}) as they fill, each to become a text node of its
 * own, adjacent to the next (the remainder, at the end, is {@link #take}n as usual). The DOM then
 * holds the text as consecutive text nodes, as the DOM allows and as every reader of lexgate's
 * (canonicalisation, schema replay, binding) reads it: in order, as one value. This costs the text
 * and one buffer, not its pieces and then the text. A full string never ends between the two
 * halves of a surrogate pair (such a character moves to the next).
 */
final class TextChunks {

    /**
     * The most characters of one text node when a text is split: just under 1 MiB, so that the
     * string's array (Latin-1: one byte a character, plus its header) fits one region of the G1
     * collector's smallest size (1 MiB, heaps under 2 GiB), where an array larger than half a region
     * takes whole regions of its own: at exactly 2^20 characters it would take two.
     */
    static final int NODE_CHARS = (1 << 20) - 64;

    private final int nodeChars;
    private final List<String> chunks = new ArrayList<>();
    private final List<String> full = new ArrayList<>();
    /** The split text's characters not handed over yet (one buffer of NODE_CHARS); null until a text is split. */
    private StringBuilder collecting;
    private boolean splitting;
    private long length;

    TextChunks() {
        this(NODE_CHARS);
    }

    /** With another node size (tests). */
    TextChunks(int nodeChars) {
        if (nodeChars < 2) {
            throw new IllegalArgumentException("nodeChars must be at least 2: " + nodeChars);
        }
        this.nodeChars = nodeChars;
    }

    /** Characters of this text so far, including what {@link #takeFull} handed over. */
    long length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** Appends a piece of a text that must stay one string (a CDATA section, say). */
    void append(char[] ch, int start, int count) {
        append(ch, start, count, false);
    }

    /**
     * Appends a piece; with {@code splittable}, a text that grows past {@link #NODE_CHARS} starts to
     * be handed over in full strings ({@link #takeFull}).
     */
    void append(char[] ch, int start, int count, boolean splittable) {
        if (count == 0) {
            return;
        }
        length += count;
        if (!splitting && (!splittable || length <= nodeChars)) {
            chunks.add(new String(ch, start, count));
            return;
        }
        if (!splitting) {
            splitting = true;
            if (collecting == null) {
                collecting = new StringBuilder(nodeChars);
            }
            for (String chunk : chunks) {
                collect(chunk, 0, chunk.length());
            }
            chunks.clear();
        }
        collect(ch, start, count);
    }

    private void collect(CharSequence s, int start, int count) {
        for (int at = start, end = start + count; at < end; ) {
            int n = Math.min(nodeChars - collecting.length(), end - at);
            collecting.append(s, at, at + n);
            at += n;
            fullIfFull();
        }
    }

    private void collect(char[] ch, int start, int count) {
        for (int at = start, end = start + count; at < end; ) {
            int n = Math.min(nodeChars - collecting.length(), end - at);
            collecting.append(ch, at, n);
            at += n;
            fullIfFull();
        }
    }

    private void fullIfFull() {
        if (collecting.length() < nodeChars) {
            return;
        }
        int cut = Character.isHighSurrogate(collecting.charAt(nodeChars - 1)) ? nodeChars - 1 : nodeChars;
        full.add(collecting.substring(0, cut));
        if (cut == nodeChars) {
            collecting.setLength(0);
        } else {
            char high = collecting.charAt(cut);
            collecting.setLength(0);
            collecting.append(high);
        }
    }

    /** The full strings of a split text collected since the last call, in order (usually none). */
    List<String> takeFull() {
        if (full.isEmpty()) {
            return List.of();
        }
        List<String> taken = List.copyOf(full);
        full.clear();
        return taken;
    }

    /**
     * The text collected since the last call (of a split text: what is left after the full strings,
     * which must have been taken first), which starts the next text.
     */
    String take() {
        if (!full.isEmpty()) {
            throw new IllegalStateException("full strings of the text were not taken");
        }
        String text;
        if (splitting) {
            text = collecting.toString();
        } else {
            text = switch (chunks.size()) {
                case 0 -> "";
                case 1 -> chunks.get(0);
                default -> String.join("", chunks); // sized once from the pieces
            };
        }
        clear();
        return text;
    }

    /** Forgets the text collected since the last {@link #take}. */
    void clear() {
        chunks.clear();
        full.clear();
        if (collecting != null) {
            collecting.setLength(0);
            if (collecting.capacity() > nodeChars) {
                collecting = null;
            }
        }
        splitting = false;
        length = 0;
    }
}
