package org.lexgate.message;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.validation.TypeInfoProvider;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.Element;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import org.w3c.dom.Document;
import org.w3c.dom.TypeInfo;

/**
 * Validates a DOM against the compiled local schemas, and applies the {@link LexicalRule}s in the
 * same pass using the schema's own type of each element. When the first schema error concerns an
 * element under a lexical rule that its value breaks, the rule's code is reported (an upper-case
 * UUID is {@code UUID_NOT_LOWER_CASE}, not a schema failure); any other error is
 * {@code SCHEMA_VALIDATION_FAILED}, with the validator's text in the detail only. The DOM is not
 * modified (no defaults are added), so a signature over it still verifies.
 *
 * <p>A large value of type {@code xs:base64Binary} (a delivery's payload, megabytes) is not given to
 * the validator, which would copy it several times (collecting, collapsing, decoding): when the
 * schemas let the lexical form alone decide ({@link SchemaSet#base64CheckedByLexicalForm()}), the
 * value is checked here by {@link Base64Lexical}, streaming over the DOM's text, and the validator
 * is shown a short value with the same verdict: {@code AAAA} for a valid value, a space for one that
 * is only whitespace. An invalid one is refused here, with {@code SCHEMA_VALIDATION_FAILED} as the
 * validator would (no lexical rule applies to the type), at the point where the validator would
 * refuse it: the end of that element, which has no child elements.
 *
 * <p>Each thread reuses one validator of the compiled schema (a validator resets itself at the
 * start of every document); one whose validation was stopped by an error, or that met a text long
 * enough to have grown its buffers, is dropped.
 */
final class SchemaCheck {

    private static final int MAX_REMEMBERED_TYPES = 10_000;
    /** After a text longer than this (a delivery in base64...) the validator is not kept. */
    private static final int REUSE_AFTER_TEXT_OF_AT_MOST = 256 * 1024;

    private static final TypeFacts NOTHING = new TypeFacts(null, false);

    private final SchemaSet schemas;
    /** One validator per thread: building one costs more than validating a small message. */
    private final ThreadLocal<ValidatorHandler> validators;
    /** What is known of each schema type met so far (the types are the compiled schema's, so few). */
    private final Map<TypeInfo, TypeFacts> facts = new ConcurrentHashMap<>();
    private final boolean base64StandIns;

    SchemaCheck(SchemaSet schemas) {
        this(schemas, schemas.base64CheckedByLexicalForm());
    }

    /** With {@code base64StandIns} false, every value goes to the validator (the tests' reference). */
    SchemaCheck(SchemaSet schemas, boolean base64StandIns) {
        this.schemas = schemas;
        this.validators = ThreadLocal.withInitial(this::newValidator);
        this.base64StandIns = base64StandIns;
    }

    /**
     * The lexical rule of a type ({@link LexicalRule#forType}) and whether it is the built-in
     * {@code xs:base64Binary}, remembered per type: asking each rule whether a type derives from it is
     * not free.
     */
    private TypeFacts factsOf(TypeInfo type) {
        if (type == null) {
            return NOTHING;
        }
        TypeFacts known = facts.get(type);
        if (known == null) {
            known = new TypeFacts(LexicalRule.forType(type), base64StandIns
                    && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(type.getTypeNamespace())
                    && "base64Binary".equals(type.getTypeName()));
            if (facts.size() < MAX_REMEMBERED_TYPES) {
                facts.put(type, known);
            }
        }
        return known;
    }

    /** What the check needs to know of a schema type. */
    private record TypeFacts(LexicalRule rule, boolean builtInBase64) {
    }

    void validate(Document document) throws MessageRejectedException {
        ValidatorHandler validator = validators.get();
        RuleTracker tracker = new RuleTracker(validator.getTypeInfoProvider(), this::factsOf);
        validator.setContentHandler(tracker);
        validator.setErrorHandler(tracker);
        boolean reusable = false;
        try {
            int longestText = DomEvents.replay(document, validator, tracker);
            reusable = longestText <= REUSE_AFTER_TEXT_OF_AT_MOST; // a validator keeps the buffer it grew for a long text
        } catch (SAXException | RuntimeException e) {
            MessageRejectedException rejected = Rejections.find(e);
            if (rejected != null) {
                throw rejected;
            }
            throw new MessageRejectedException(ErrorCode.SCHEMA_VALIDATION_FAILED,
                    "schema validation failed: " + e.getMessage(), e);
        } finally {
            validator.setContentHandler(null);
            validator.setErrorHandler(null);
            if (!reusable) {
                validators.remove(); // the next validation starts with a fresh validator
            }
        }
    }

    private ValidatorHandler newValidator() {
        ValidatorHandler validator = schemas.schema().newValidatorHandler();
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("JDK validator not configurable", e);
        }
        validator.setResourceResolver((type, ns, publicId, systemId, base) -> {
            throw new IllegalStateException("validation never fetches: " + systemId);
        });
        return validator;
    }

    /**
     * Follows the schema type of each open element and the text of those under a lexical rule, and
     * checks the large base64 values the replay offers it.
     */
    private static final class RuleTracker extends DefaultHandler implements DomEvents.LargeValues {
        private final TypeInfoProvider types;
        private final Function<TypeInfo, TypeFacts> facts;
        private final Deque<Open> open = new ArrayDeque<>();

        RuleTracker(TypeInfoProvider types, Function<TypeInfo, TypeFacts> facts) {
            this.types = types;
            this.facts = facts;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            TypeFacts type = facts.apply(types.getElementTypeInfo());
            open.push(new Open(qName, type.rule(), type.builtInBase64()));
        }

        @Override
        public String standIn(Element owner, List<String> parts) throws SAXException {
            Open current = open.peek();
            if (current == null || !current.base64) {
                return null;
            }
            Base64Lexical.Verdict verdict = Base64Lexical.check(parts);
            if (verdict.problem() != null) {
                throw new Rejections.Signal(new MessageRejectedException(ErrorCode.SCHEMA_VALIDATION_FAILED,
                        "schema validation failed in " + current.name + ": not a valid xs:base64Binary value: "
                                + verdict.problem()));
            }
            owner.setUserData(DomToJaxb.CHECKED_BASE64, Boolean.TRUE, null); // the binding may decode it in parts
            return verdict.empty() ? " " : "AAAA";
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Open current = open.peek();
            if (current != null && current.rule != null) {
                current.text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            Open current = open.pop();
            if (current.rule != null && current.rule.violatedBy(current.text.toString())) {
                throw new Rejections.Signal(current.rule.reject(current.name, current.text.toString()));
            }
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            Open current = open.peek();
            if (current != null && current.rule != null && current.rule.violatedBy(current.text.toString())) {
                throw new Rejections.Signal(current.rule.reject(current.name, current.text.toString()));
            }
            throw new Rejections.Signal(new MessageRejectedException(ErrorCode.SCHEMA_VALIDATION_FAILED,
                    "schema validation failed" + (current == null ? "" : " in " + current.name) + ": " + e.getMessage(), e));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            error(e);
        }

        private static final class Open {
            final String name;
            final LexicalRule rule;
            final boolean base64;
            final StringBuilder text;

            Open(String name, LexicalRule rule, boolean base64) {
                this.name = name;
                this.rule = rule;
                this.base64 = base64;
                this.text = rule == null ? null : new StringBuilder();
            }
        }
    }
}
