package org.lexgate.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lexgate.cli.LexgateCommand;
import org.lexgate.gateway.network.Requests;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.message.build.LegalBasis;
import org.lexgate.message.build.Priority;
import org.lexgate.message.build.RequestedData;
import org.lexgate.message.build.IssuingAuthority;
import org.lexgate.store.DeadLetter;
import org.lexgate.store.OutboundState;
import org.lexgate.trust.pki.TestParty;
import picocli.CommandLine;

/**
 * The operator's commands on a real node's record: {@code lexgate trail} prints a case's messages,
 * receipts and status changes in order with their signers; {@code lexgate dlq list} shows a message
 * delivery gave up on (the next hop refused it for good) and {@code lexgate dlq resend} puts it back.
 */
class OperatorCommandsTest {

    private E2eNetwork net;

    @AfterEach
    void stop() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void trailShowsTheCaseInOrderWithSignersAndDlqListsAndResendsARefusedMessage() throws Exception {
        List<TestParty> nodes = List.of(TestParty.XA_AGENCY, TestParty.XA_CP, TestParty.XB_CP, TestParty.XB_PROVIDER);
        net = E2eNetwork.start(nodes, List.of(TestParty.XA_AGENCY, TestParty.XA_CP), null);
        // XA-AGENCY holds no grant for BudapestArt31MLA: XA-CP refuses the request for good (9209)
        HI1Message refused = Hi1Messages.disclosureRequest()
                .from(Requests.XA_AGENCY).to(Requests.XB_PROVIDER).reference("XA-AGENCY-2026-4001")
                .legalBasis(LegalBasis.of("BudapestArt31MLA", "Convention on Cybercrime (ETS No. 185)", "31"))
                .data(RequestedData.subscriberData().identifier("EmailAddress", "jane@mail.xb.example"))
                .issuedBy(IssuingAuthority.in("XA").authority("XA National Police", "Police")
                        .verification("990012345000", "https://police.xa.example", "desk@police.xa.example")
                        .agent("R. Example", "Investigating officer", "990012345123", "r@police.xa.example")
                        .approver("K. Prosecutor", "Public prosecutor").order("MLA request", "MOJ-XA-1"))
                .priority(Priority.ROUTINE).build();
        net.submit(TestParty.XA_AGENCY, refused);
        await().atMost(E2eNetwork.WAIT).until(() -> !net.store(TestParty.XA_AGENCY).outbound().deadLetters().isEmpty());
        DeadLetter letter = net.store(TestParty.XA_AGENCY).outbound().deadLetters().get(0);
        net.network.stop(TestParty.XA_AGENCY);
        net.network.stop(TestParty.XA_CP);
        String config = net.network.config(TestParty.XA_AGENCY).toString();

        Run list = run("dlq", "list", "--config", config);
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(letter.messageId().toString()).contains("to XA-CP").contains("case XA-AGENCY-2026-4001")
                .contains("code 9209").contains("1 dead letter(s) at XA-AGENCY");

        Run resend = run("dlq", "resend", "--config", config, letter.messageId().toString());
        assertThat(resend.exit()).isZero();
        assertThat(resend.out()).contains("is pending again");
        assertThat(run("dlq", "resend", "--config", config, UUID.randomUUID().toString()).exit()).isEqualTo(1);

        Run trail = run("trail", "--config", config, "XA-AGENCY-2026-4001");
        assertThat(trail.exit()).isZero();
        List<String> lines = trail.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("case XA-AGENCY-2026-4001:");
        assertThat(String.join("\n", lines)).containsSubsequence("STATUS_CHANGED", "QUEUED", "DEAD_LETTERED", "RESEND_REQUESTED")
                .contains("signed by [CN=XA-AGENCY (NOT FOR PRODUCTION)").contains("code=9209")
                .contains("audit chain intact");
        assertThat(run("trail", "--config", config, "XA-AGENCY-2099-0000").exit()).isEqualTo(1);

        net.network.start(TestParty.XA_AGENCY);
        assertThat(net.store(TestParty.XA_AGENCY).outbound().get(letter.messageId()).orElseThrow().state())
                .isIn(OutboundState.PENDING, OutboundState.DEAD_LETTERED);
    }

    record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        System.setProperty("lexgate.env.LEXGATE_KEY_PASSWORD", org.lexgate.trust.pki.TestPki.KEYSTORE_PASSWORD);
        StringWriter out = new StringWriter();
        CommandLine cli = LexgateCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString());
    }
}
