package org.lexgate.gateway.receipt;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.ActionResponse;
import org.lexgate.hi1.core.ActionResponses;
import org.lexgate.hi1.core.ActionUnsuccesfulInformation;
import org.lexgate.hi1.core.CREATEResponse;
import org.lexgate.hi1.core.DELIVERResponse;
import org.lexgate.hi1.core.EndpointID;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.MessageHeader;
import org.lexgate.hi1.core.MessagePayload;
import org.lexgate.hi1.core.ResponsePayload;
import org.lexgate.hi1.core.UPDATEResponse;
import org.lexgate.hi1.core.Version;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.DocumentSigningException;

/**
 * Writes this node's signed receipts (issue 4 item 3; guidelines §25, §52: the sender keeps proof of
 * submission). A receipt is an ETSI response {@code HI1Message}:
 * <ul>
 *   <li>header: sender = this node, receiver = the request's sender, the request's
 *       TransactionIdentifier (as ETSI answers), a fresh Timestamp, and the SHA-256 digest of the
 *       exact request bytes in the WorkflowIdentifier ({@link ReceiptMarker});</li>
 *   <li>accepted: {@code ResponsePayload/ActionResponses}, one ActionResponse per ActionRequest with
 *       the same ActionIdentifier and the matching type — CREATEResponse / UPDATEResponse with the
 *       object's Identifier, DELIVERResponse with the DELIVER Identifier, and the synchronous answers
 *       of GET, LIST and GETCSPCONFIG from {@link QueryAnswers};</li>
 *   <li>refused: {@code ResponsePayload/ErrorInformation} with the code and its safe text only.</li>
 * </ul>
 * Every receipt passes the codec's checks and is signed with the node's document key.
 */
public final class ReceiptWriter {

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final PartyId self;
    private final DocumentSigner signer;
    private final Hi1Codec codec;
    private final QueryAnswers answers;
    private final DatatypeFactory datatypes;

    public ReceiptWriter(PartyId self, DocumentSigner signer, Hi1Codec codec, QueryAnswers answers) {
        this.self = Objects.requireNonNull(self, "self");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.answers = Objects.requireNonNull(answers, "answers");
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The signed receipt of an accepted request.
     *
     * @param request the accepted request (bound from the verified DOM)
     * @param requester its verified sender
     * @param digest SHA-256 of its exact bytes
     * @throws ReceiptException when the receipt cannot be written or signed (a fault of this node)
     */
    public byte[] accepted(HI1Message request, PartyId requester, String digest) throws ReceiptException {
        ActionResponses responses = new ActionResponses();
        for (ActionRequest action : request.getPayload().getRequestPayload().getActionRequests().getActionRequest()) {
            responses.getActionResponse().add(answer(requester, action));
        }
        ResponsePayload payload = new ResponsePayload();
        payload.setActionResponses(responses);
        return sign(message(request.getHeader().getSenderIdentifier(), request.getHeader().getTransactionIdentifier(),
                Optional.of(digest), payload));
    }

    /**
     * The signed refusal of a message: ErrorInformation with the code and its safe text. The header
     * answers the request's sender and TransactionIdentifier when they could be read.
     */
    public byte[] refused(Optional<MessageHeader> requestHeader, Optional<String> digest, ErrorCode code)
            throws ReceiptException {
        ActionUnsuccesfulInformation error = new ActionUnsuccesfulInformation();
        error.setErrorCode(BigInteger.valueOf(code.code()));
        error.setErrorDescription(code.safeText());
        ResponsePayload payload = new ResponsePayload();
        payload.setErrorInformation(error);
        EndpointID receiver = requestHeader.map(MessageHeader::getSenderIdentifier).orElseGet(ReceiptWriter::unknownParty);
        String transaction = requestHeader.map(MessageHeader::getTransactionIdentifier)
                .orElseGet(() -> UUID.randomUUID().toString());
        return sign(message(receiver, transaction, digest, payload));
    }

    private ActionResponse answer(PartyId requester, ActionRequest action) throws ReceiptException {
        BigInteger id = action.getActionIdentifier();
        ActionResponse response = QueryAnswers.response(id);
        if (action.getCREATE() != null) {
            CREATEResponse create = new CREATEResponse();
            create.setIdentifier(action.getCREATE().getHI1Object().getObjectIdentifier());
            response.setCREATEResponse(create);
        } else if (action.getUPDATE() != null) {
            UPDATEResponse update = new UPDATEResponse();
            update.setIdentifier(action.getUPDATE().getHI1Object().getObjectIdentifier());
            response.setUPDATEResponse(update);
        } else if (action.getDELIVER() != null) {
            DELIVERResponse deliver = new DELIVERResponse();
            deliver.setIdentifier(action.getDELIVER().getIdentifier());
            response.setDELIVERResponse(deliver);
        } else {
            try {
                return answers.answer(requester, action);
            } catch (Exception e) {
                throw new ReceiptException("cannot answer action " + id + " from the store: " + e, e);
            }
        }
        return response;
    }

    private HI1Message message(EndpointID receiver, String transactionId, Optional<String> digest, ResponsePayload payload) {
        MessageHeader header = new MessageHeader();
        EndpointID sender = new EndpointID();
        sender.setCountryCode(self.countryCode());
        sender.setUniqueIdentifier(self.uniqueIdentifier());
        header.setSenderIdentifier(sender);
        header.setReceiverIdentifier(receiver);
        header.setTransactionIdentifier(transactionId);
        header.setTimestamp(now());
        Version version = new Version();
        version.setETSIVersion(Hi1Messages.ETSI_VERSION);
        version.setNationalProfileOwner(Hi1Messages.PROFILE_OWNER);
        version.setNationalProfileVersion(Hi1Messages.PROFILE_VERSION);
        header.setVersion(version);
        digest.map(ReceiptMarker::of).ifPresent(header::setWorkflowIdentifier);
        HI1Message message = new HI1Message();
        message.setHeader(header);
        MessagePayload body = new MessagePayload();
        body.setResponsePayload(payload);
        message.setPayload(body);
        return message;
    }

    private byte[] sign(HI1Message receipt) throws ReceiptException {
        try {
            return signer.signDocument(codec.writeDocument(receipt));
        } catch (MessageRejectedException e) {
            throw new ReceiptException("the receipt fails this node's own checks (" + e.toPeerLine() + "): "
                    + e.getMessage(), e);
        } catch (DocumentSigningException e) {
            throw new ReceiptException("the receipt cannot be signed: " + e.getMessage(), e);
        }
    }

    private XMLGregorianCalendar now() {
        return datatypes.newXMLGregorianCalendar(MICROS.format(Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }

    private static EndpointID unknownParty() {
        EndpointID unknown = new EndpointID();
        unknown.setCountryCode("XX");
        unknown.setUniqueIdentifier("unknown");
        return unknown;
    }
}
