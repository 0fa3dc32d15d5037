package org.lexgate.message.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** A text node that the parser hands over in many pieces is built whole and exact, and still limited. */
class LargeTextNodeTest {

    @Test
    void multiMegabyteTextWithEntitiesAndNonLatinCharactersIsKeptExactly() throws Exception {
        StringBuilder expected = new StringBuilder();
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; expected.length() < 3 * 1024 * 1024; i++) {
            String word = (i % 7 == 0 ? "caf\u00e9 \u20ac" : "base64+/=") + i;
            expected.append(word).append(i % 5 == 0 ? "&<" : " ");
            escaped.append(word).append(i % 5 == 0 ? "&amp;&lt;" : " ");
        }

        Document document = HardenedXml.parse(bytes("<r><a>" + escaped + "</a><b>small</b></r>"));

        Node a = document.getDocumentElement().getFirstChild();
        assertThat(a.getTextContent()).isEqualTo(expected.toString());
        // Held as consecutive text nodes of TextChunks.NODE_CHARS characters (the last one shorter).
        int nodes = a.getChildNodes().getLength();
        assertThat(nodes).isEqualTo((int) ((expected.length() + TextChunks.NODE_CHARS - 1L) / TextChunks.NODE_CHARS));
        for (int i = 0; i < nodes; i++) {
            Node node = a.getChildNodes().item(i);
            assertThat(node.getNodeType()).isEqualTo(Node.TEXT_NODE);
            assertThat(node.getNodeValue().length()).isEqualTo(i < nodes - 1
                    ? TextChunks.NODE_CHARS : expected.length() - (nodes - 1) * TextChunks.NODE_CHARS);
        }
        assertThat(a.getNextSibling().getTextContent()).isEqualTo("small");
        assertThat(a.getNextSibling().getChildNodes().getLength()).isOne();
    }

    @Test
    void aTextOfAtMostOneNodesLengthStaysOneNode() throws Exception {
        String text = "x".repeat(TextChunks.NODE_CHARS - 1) + "&";

        Document document = HardenedXml.parse(bytes("<r>" + text.replace("&", "&amp;") + "</r>"));

        assertThat(document.getDocumentElement().getChildNodes().getLength()).isOne();
        assertThat(document.getDocumentElement().getFirstChild().getNodeValue()).isEqualTo(text);
    }

    @Test
    void cdataOfMegabytesIsKeptExactly() throws Exception {
        String text = "<not markup> & ".repeat(200_000);

        Document document = HardenedXml.parse(bytes("<r><![CDATA[" + text + "]]></r>"));

        Node cdata = document.getDocumentElement().getFirstChild();
        assertThat(cdata.getNodeType()).isEqualTo(Node.CDATA_SECTION_NODE);
        assertThat(cdata.getNodeValue()).isEqualTo(text);
    }

    @Test
    void textOfExactlyTheLimitPassesAndOneMoreCharacterIsRefusedWithTheSameCode() throws Exception {
        int max = 200_000; // the parser hands such a text over in many pieces
        XmlLimits limits = XmlLimits.defaults().withMaxTextChars(max);

        Document document = HardenedXml.parse(bytes("<r>" + "a&amp;".repeat(max / 2) + "</r>"), limits);
        assertThat(document.getDocumentElement().getTextContent()).hasSize(max);

        assertThat(refusal("<r>" + "a".repeat(max + 1) + "</r>", limits)).isEqualTo(ErrorCode.TEXT_LIMIT_EXCEEDED);
        assertThat(refusal("<r>" + "a&amp;".repeat(max / 2) + "b</r>", limits)).isEqualTo(ErrorCode.TEXT_LIMIT_EXCEEDED);
        assertThat(refusal("<r><![CDATA[" + "a".repeat(max + 1) + "]]></r>", limits))
                .isEqualTo(ErrorCode.TEXT_LIMIT_EXCEEDED);
    }

    @Test
    void theLimitCountsOneTextNodeNotTheDocument() throws Exception {
        XmlLimits limits = XmlLimits.defaults().withMaxTextChars(100_000);
        String node = "<a>" + "x".repeat(100_000) + "</a>";

        Document document = HardenedXml.parse(bytes("<r>" + node + node + node + "</r>"), limits);

        assertThat(document.getDocumentElement().getTextContent()).hasSize(300_000);
    }

    private static ErrorCode refusal(String xml, XmlLimits limits) {
        return catchThrowableOfType(() -> HardenedXml.parse(bytes(xml), limits), MessageRejectedException.class).code();
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
