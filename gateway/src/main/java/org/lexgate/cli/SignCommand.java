package org.lexgate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.DocumentSigningException;
import org.lexgate.trust.signature.SigningCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lexgate sign}: signs a message with the organisation's document signature (§25, §52): an
 * enveloped XML signature over the whole HI1Message, as its last child. The message is checked
 * first, so lexgate never signs what it would itself refuse.
 */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        description = {
            "Signs an HI-1 message with an enveloped XML signature (C14N 1.1, SHA-256) and writes it to OUT.",
            "The keystore password comes from LEXGATE_KEY_PASSWORD, or is asked for on the terminal.",
            "Exit status: 0 when signed, 1 when the message or key is refused, 2 for a usage error."
        })
final class SignCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SignCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "KEYSTORE.p12", description = "PKCS#12 keystore with the signing key.")
    Path keystore;

    @Option(names = "--alias", required = true, paramLabel = "ALIAS", description = "Alias of the key entry in the keystore.")
    String alias;

    @Parameters(index = "0", paramLabel = "IN", description = "The unsigned message.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Where to write the signed message.")
    Path out;

    @Override
    public Integer call() {
        char[] password = CliFiles.keyPassword();
        if (password == null) {
            throw new ParameterException(spec.commandLine(),
                    "No keystore password: set LEXGATE_KEY_PASSWORD or run on a terminal");
        }
        try {
            byte[] unsigned = Files.readAllBytes(in);
            Hi1Codec.createDefault().validate(unsigned);
            SigningCredential credential = SigningCredential.fromPkcs12(keystore, password, alias);
            byte[] signed = new DocumentSigner(credential).sign(unsigned);
            Path temporary = Files.createTempFile(out.toAbsolutePath().getParent(), ".lexgate-sign", ".tmp");
            Files.write(temporary, signed);
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println(out + ": SIGNED by " + credential.certificate().getSubjectX500Principal());
            return 0;
        } catch (MessageRejectedException e) {
            spec.commandLine().getOut().println(in + ": REJECTED " + e.toPeerLine());
            LOG.warn("{}: not signed, refused with {} {}: {}", in, e.code().code(), e.code(), e.getMessage());
            return 1;
        } catch (java.nio.file.NoSuchFileException e) {
            spec.commandLine().getErr().println("lexgate sign: no such file: " + e.getFile());
            return 1;
        } catch (IOException | GeneralSecurityException | DocumentSigningException e) {
            spec.commandLine().getErr().println("lexgate sign: " + e);
            LOG.debug("signing failed", e);
            return 1;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
