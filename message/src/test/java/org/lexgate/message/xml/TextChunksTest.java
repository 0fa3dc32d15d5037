package org.lexgate.message.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A text collected piece by piece: whole when short or not splittable, in full strings plus the rest when long. */
class TextChunksTest {

    private static List<String> feed(TextChunks chunks, String text, int piece, boolean splittable) {
        List<String> out = new ArrayList<>();
        char[] ch = text.toCharArray();
        for (int at = 0; at < ch.length; at += piece) {
            chunks.append(ch, at, Math.min(piece, ch.length - at), splittable);
            out.addAll(chunks.takeFull());
        }
        out.add(chunks.take());
        return out;
    }

    @Test
    void aShortTextIsOneStringHoweverItCameIn() {
        TextChunks chunks = new TextChunks(8);
        assertThat(feed(chunks, "abcdefgh", 3, true)).containsExactly("abcdefgh");
        assertThat(chunks.isEmpty()).isTrue();
    }

    @Test
    void aLongTextComesInFullStringsAndTheRestInOrder() {
        TextChunks chunks = new TextChunks(4);
        assertThat(feed(chunks, "abcdefghij", 3, true)).containsExactly("abcd", "efgh", "ij");
        assertThat(feed(chunks, "abcdefgh", 5, true)).containsExactly("abcd", "efgh", "");
        assertThat(feed(chunks, "abcdefghi", 9, true)).containsExactly("abcd", "efgh", "i");
    }

    @Test
    void theLengthCountsTheWholeTextAlsoWhatWasHandedOver() {
        TextChunks chunks = new TextChunks(4);
        char[] ch = "abcdefghij".toCharArray();
        chunks.append(ch, 0, 10, true);
        assertThat(chunks.takeFull()).containsExactly("abcd", "efgh");
        assertThat(chunks.length()).isEqualTo(10);
        assertThat(chunks.take()).isEqualTo("ij");
        assertThat(chunks.length()).isZero();
    }

    @Test
    void aTextThatMustStayOneStringIsNeverSplit() {
        TextChunks chunks = new TextChunks(4);
        assertThat(feed(chunks, "abcdefghij", 3, false)).containsExactly("abcdefghij");
    }

    @Test
    void aSurrogatePairIsNeverCutInTwo() {
        TextChunks chunks = new TextChunks(4);
        String text = "abc\uD83D\uDE00defg"; // the pair at 3-4: the first string ends before it
        List<String> out = feed(chunks, text, 2, true);
        assertThat(String.join("", out)).isEqualTo(text);
        assertThat(out).containsExactly("abc", "\uD83D\uDE00de", "fg");
        assertThat(out).allSatisfy(s -> assertThat(s.isEmpty() || !Character.isHighSurrogate(s.charAt(s.length() - 1)))
                .isTrue());
    }

    @Test
    void clearForgetsASplitTextAndTheNextTextStartsAfresh() {
        TextChunks chunks = new TextChunks(4);
        char[] ch = "abcdefghij".toCharArray();
        chunks.append(ch, 0, 10, true);
        chunks.clear();
        assertThat(chunks.takeFull()).isEmpty();
        assertThat(feed(chunks, "xyz", 1, true)).containsExactly("xyz");
    }
}
