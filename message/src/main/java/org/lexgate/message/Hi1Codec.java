package org.lexgate.message;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.util.Objects;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.xml.HardenedXml;
import org.lexgate.message.xml.XmlLimits;
import org.lexgate.xsd.Hi1Schemas;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads and writes HI-1 messages. Thread-safe and meant to be built once and shared.
 *
 * <p>Reading runs these steps in order; the first that fails refuses the message with its code:
 * <ol>
 *   <li>hardened streaming parse with {@link XmlLimits} (3022, 9001–9009, 3021);</li>
 *   <li>the root must be {@code core:HI1Message} in the ETSI Core namespace (9010);</li>
 *   <li>xsi:type screen: unsupported ETSI objects (3001), unknown types (9011);</li>
 *   <li>schema validation against the local schemas, with the lexical rules of
 *       {@link LexicalRule} reported by their own codes (9012, 3009, 9013, 9014; otherwise 3002);</li>
 *   <li>dictionary values (3010);</li>
 *   <li>binding to the typed message, from the same DOM that was checked.</li>
 * </ol>
 * The steps are also exposed one by one: signature verification works on the DOM returned by
 * {@link #readChecked(byte[])} and binds only after.
 */
public final class Hi1Codec {

    private final XmlLimits limits;
    private final XsiTypeScreen xsiTypes;
    private final SchemaCheck schema;
    private final DictionaryCheck dictionaries;
    private final Hi1Binding binding;

    private Hi1Codec(Builder builder) {
        this.binding = new Hi1Binding(Hi1Schemas.context(), Hi1Schemas.PREFIXES);
        this.limits = builder.limits;
        this.xsiTypes = new XsiTypeScreen(builder.schemas.declaredTypes());
        this.schema = new SchemaCheck(builder.schemas);
        this.dictionaries = new DictionaryCheck(builder.dictionaries, builder.partyDictionaries,
                builder.strictPartyDictionaries);
    }

    /** A codec for lexgate's profile (schemas and dictionaries of the xsd module) with default limits. */
    public static Hi1Codec createDefault() {
        return builder().build();
    }

    /** A builder; unset parts default to lexgate's profile. */
    public static Builder builder() {
        return new Builder();
    }

    /** Parses, checks and binds untrusted bytes. */
    public ParsedMessage parse(byte[] bytes) throws MessageRejectedException {
        Document document = readChecked(bytes);
        return new ParsedMessage(bytes, document, bind(document));
    }

    /** Reads (at most {@code limits().maxBytes()} bytes), checks and binds a message from a stream. */
    public ParsedMessage parse(InputStream in) throws MessageRejectedException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        Document document = readChecked(in, copy);
        return new ParsedMessage(copy.toByteArray(), document, bind(document));
    }

    /** Everything {@link #parse(byte[])} does, for a caller that only needs the verdict (the CLI). */
    public void validate(byte[] bytes) throws MessageRejectedException {
        parse(bytes);
    }

    /** Everything {@link #parse(InputStream)} does, for a caller that only needs the verdict. */
    public void validate(InputStream in) throws MessageRejectedException {
        bind(readChecked(in, null));
    }

    /**
     * Binds a DOM that {@link #readChecked} (or {@link #check}) accepted to the typed message. The DOM
     * is not modified.
     */
    public HI1Message bind(Document checked) throws MessageRejectedException {
        return binding.unmarshal(Objects.requireNonNull(checked, "checked"));
    }

    /**
     * Writes a message as UTF-8 XML with ETSI's namespace prefixes, and reads the result back
     * through every check, so that lexgate never sends what it would itself refuse.
     *
     * @throws MessageRejectedException with the code of the first check the message fails
     */
    public byte[] write(HI1Message message) throws MessageRejectedException {
        byte[] bytes = binding.marshal(Objects.requireNonNull(message, "message"));
        readChecked(bytes);
        return bytes;
    }

    /**
     * Writes a message straight into a DOM and runs every check on it — the same checks as
     * {@link #readChecked(byte[])} after its parse, and the parser's {@link XmlLimits} except the
     * byte size, which a DOM does not have yet — without serialising and parsing it. The DOM is
     * namespace-complete (every prefix declared by an {@code xmlns} attribute of the root), ready
     * for {@code DocumentSigner.signDocument}, which signs it in place and serialises it once.
     *
     * @throws MessageRejectedException with the code of the first check the message fails
     */
    public Document writeDocument(HI1Message message) throws MessageRejectedException {
        Document document = binding.marshalDocument(Objects.requireNonNull(message, "message"));
        HardenedXml.checkLimits(document, limits);
        check(document);
        return document;
    }

    public XmlLimits limits() {
        return limits;
    }

    /** Parses untrusted bytes and runs every check; the DOM returned is not yet bound. */
    public Document readChecked(byte[] bytes) throws MessageRejectedException {
        Document document = HardenedXml.parse(bytes, limits);
        check(document);
        return document;
    }

    /**
     * Reads untrusted XML from a stream (at most {@code limits().maxBytes()} bytes) and runs every
     * check. {@code copy}, when not null, receives the exact bytes read.
     */
    public Document readChecked(InputStream in, ByteArrayOutputStream copy) throws MessageRejectedException {
        Document document = HardenedXml.read(in, limits, copy);
        check(document);
        return document;
    }

    /** Runs the checks after parsing (namespace, xsi:type, schema and lexical rules, dictionaries) on a DOM. */
    public void check(Document document) throws MessageRejectedException {
        Objects.requireNonNull(document, "document");
        requireHi1Root(document);
        xsiTypes.screen(document);
        schema.validate(document);
        dictionaries.check(document);
    }

    private static void requireHi1Root(Document document) throws MessageRejectedException {
        Element root = document.getDocumentElement();
        if (root == null || !Hi1Namespaces.CORE.equals(root.getNamespaceURI()) || !"HI1Message".equals(root.getLocalName())) {
            throw new MessageRejectedException(ErrorCode.WRONG_NAMESPACE, "root element is {"
                    + (root == null ? "" : root.getNamespaceURI()) + "}" + (root == null ? "none" : root.getLocalName()));
        }
    }

    /** How to build a codec. Every setting has a default; see each method. */
    public static final class Builder {
        private XmlLimits limits = XmlLimits.defaults();
        private SchemaSet schemas;
        private Dictionaries dictionaries;
        private Dictionaries partyDictionaries = Dictionaries.empty();
        private boolean strictPartyDictionaries;

        private Builder() {
        }

        /** Parser limits; default {@link XmlLimits#defaults()}. */
        public Builder limits(XmlLimits value) {
            this.limits = Objects.requireNonNull(value);
            return this;
        }

        /** The schemas messages are validated against; default lexgate's profile from the xsd module. */
        public Builder schemas(SchemaSet value) {
            this.schemas = Objects.requireNonNull(value);
            return this;
        }

        /** Authoritative dictionaries (owners "ETSI" and "lexgate" by default). */
        public Builder dictionaries(Dictionaries value) {
            this.dictionaries = Objects.requireNonNull(value);
            return this;
        }

        /** Dictionaries published by peers (e.g. from their service catalogue); default none. */
        public Builder partyDictionaries(Dictionaries value) {
            this.partyDictionaries = Objects.requireNonNull(value);
            return this;
        }

        /**
         * When true, a value of a dictionary owned by the sender or receiver is refused unless that
         * dictionary is registered or defined in the message. Default false: such values are
         * accepted as agreed between the two parties, as TS 103 120 allows.
         */
        public Builder strictPartyDictionaries(boolean value) {
            this.strictPartyDictionaries = value;
            return this;
        }

        public Hi1Codec build() {
            if (schemas == null) {
                schemas = LexgateProfile.SCHEMAS;
            }
            if (dictionaries == null) {
                dictionaries = LexgateProfile.DICTIONARIES;
            }
            return new Hi1Codec(this);
        }
    }

    /** lexgate's schemas and dictionaries, compiled and read once, on first use. */
    private static final class LexgateProfile {
        static final SchemaSet SCHEMAS = SchemaSet.compile(
                Hi1Schemas.SCHEMA_FILES.stream().map(Hi1Schemas::schema).toList());
        static final Dictionaries DICTIONARIES = Dictionaries.load(
                new URL[] {Hi1Schemas.etsiDictionaries(), Hi1Schemas.lexgateDictionaries()});
    }
}
