package org.lexgate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.lexgate.gateway.node.HopSetup;
import org.lexgate.gateway.node.NodeConfig;
import org.lexgate.gateway.node.NodeConfigException;
import org.lexgate.gateway.node.NodeConfigLoader;
import org.lexgate.gateway.outbound.Destinations;
import org.lexgate.gateway.receipt.Digests;
import org.lexgate.gateway.receipt.ReceiptVerifier;
import org.lexgate.gateway.receipt.VerifiedReceipt;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.soap.HopClient;
import org.lexgate.soap.HopException;
import org.lexgate.trust.binding.SenderBinding;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.DocumentSigningException;
import org.lexgate.trust.signature.DocumentVerifier;
import org.lexgate.trust.signature.SigningCredential;
import org.lexgate.trust.signature.VerifiedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lexgate send}: signs one message with the node's document key (a message that is already
 * signed is sent unchanged, once its signature verifies) and sends it synchronously over the signed
 * SOAP hop to its receiver (or {@code --to}), then verifies the receipt — document signature by the
 * destination, TransactionIdentifier, digest — and prints its summary. It opens neither the node's
 * store nor its broker, so it runs beside a serving node; the receipt can be kept with {@code --receipt}.
 */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = {
            "Signs MESSAGE with the node's key, sends it over the SOAP hop and prints the verified receipt:",
            "  OK tx=<TransactionIdentifier> digest=<sha256> signer=<subject>  or  REJECTED <code> <text>",
            "Exit status: 0 when the receiver accepted it, 1 when refused or not delivered, 2 for a usage or"
                    + " configuration error."
        })
final class SendCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SendCommand.class);
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The node configuration.")
    Path config;

    @Option(names = "--to", paramLabel = "PARTY", description = "Send to this party instead of the header's receiver.")
    String to;

    @Option(names = "--receipt", paramLabel = "FILE", description = "Also write the receipt's exact bytes here.")
    Path receiptFile;

    @Parameters(index = "0", paramLabel = "MESSAGE", description = "The HI-1 message (unsigned, or signed by this node).")
    Path message;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        NodeConfigLoader.Loaded loaded;
        try {
            loaded = new NodeConfigLoader().load(config);
        } catch (NodeConfigException e) {
            spec.commandLine().getErr().println("lexgate send: " + e.getMessage());
            return 2;
        }
        NodeConfig node = loaded.config();
        try {
            Hi1Codec codec = Hi1Codec.builder().limits(node.limits().xml()).build();
            byte[] input = Files.readAllBytes(message);
            Document checked = codec.readChecked(input);
            byte[] signed = checked.getElementsByTagNameNS(DSIG, "Signature").getLength() > 0 ? input
                    : new DocumentSigner(SigningCredential.fromPkcs12(node.signing().keystore(), node.signing().password(),
                            node.signing().alias())).sign(input);
            VerifiedDocument verified = new DocumentVerifier().verify(signed);
            Hi1View view = new Hi1View(codec.bind(verified.document()));
            PartyId destination = to != null ? PartyId.parse(to) : view.receiver();
            Files.createDirectories(node.dataDirectory());
            HopSetup hop = HopSetup.of(node, loaded.directory());
            byte[] receipt;
            try (HopClient client = Destinations.hopClient(loaded.directory(), hop, destination,
                    node.hop().receiveTimeout())) {
                receipt = client.submit(signed);
            }
            String digest = Digests.sha256Hex(signed);
            VerifiedReceipt verifiedReceipt = new ReceiptVerifier(codec, new DocumentVerifier(),
                    new SenderBinding(loaded.directory()), Clock.systemUTC())
                    .verify(receipt, destination, view.sender(), view.transactionId(), digest);
            if (receiptFile != null) {
                Path temporary = Files.createTempFile(receiptFile.toAbsolutePath().getParent(), ".lexgate-receipt", ".tmp");
                Files.write(temporary, verifiedReceipt.bytes());
                Files.move(temporary, receiptFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            String summary = "tx=" + verifiedReceipt.transactionId() + " digest=" + verifiedReceipt.digest() + " signer="
                    + verifiedReceipt.signerCertificate().getSubjectX500Principal() + " (" + verifiedReceipt.signer() + ")";
            if (verifiedReceipt.accepted()) {
                out.println(message + ": OK " + summary);
                return 0;
            }
            out.println(message + ": REJECTED " + verifiedReceipt.errorCode().orElseThrow() + " "
                    + verifiedReceipt.errorText().orElse("") + " " + summary);
            return 1;
        } catch (HopException e) {
            out.println(message + ": " + (e.kind() == HopException.Kind.REFUSED ? "REJECTED " : "FAILED ")
                    + e.code() + " " + e.safeText());
            LOG.warn("{}: not delivered: {}", message, e.getMessage());
            return 1;
        } catch (MessageRejectedException e) {
            out.println(message + ": REJECTED " + e.toPeerLine() + " (checked here, not sent or receipt refused)");
            LOG.warn("{}: {} {}: {}", message, e.code().code(), e.code(), e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("lexgate send: " + e.getMessage());
            return 2;
        } catch (IOException | GeneralSecurityException | DocumentSigningException e) {
            spec.commandLine().getErr().println("lexgate send: " + e);
            LOG.debug("send failed", e);
            return 1;
        }
    }
}
