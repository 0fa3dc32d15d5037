package org.lexgate.adapters.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lexgate.adapters.DataAnswer;
import org.lexgate.adapters.DataExistenceAnswer;
import org.lexgate.adapters.DataFormat;
import org.lexgate.adapters.ObjectIdentifier;
import org.lexgate.adapters.PreservationConfirmed;
import org.lexgate.adapters.ReceivedAnswer;
import org.lexgate.adapters.RefusalAnswer;
import org.lexgate.adapters.RefusalReason;
import org.lexgate.adapters.SampleRequests;
import org.lexgate.adapters.TransientAdapterException;

class FileDropAnswersTest {

    @TempDir
    Path root;
    FileDropAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        adapter = new FileDropAdapter(FileDropConfig.under(root));
        adapter.start();
    }

    @AfterEach
    void stop() {
        adapter.stop();
    }

    private Path answers() {
        return root.resolve("answers");
    }

    /** Drops an answer as a provider would: data first, then the answer file. */
    private Path drop(ObjectIdentifier task, String body) throws IOException {
        return drop(task + ".answer.properties", body);
    }

    private Path drop(String name, String body) throws IOException {
        return Files.writeString(answers().resolve(name), body, StandardCharsets.UTF_8);
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void aDataAnswerCarriesTheDataFileAndItsMediaType() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xff};
        Files.write(answers().resolve(task + ".pdf"), pdf);
        drop(task, "task=" + task + "\ntype=data\ndataFile=" + task + ".pdf\nmediaType=application/pdf\n");

        List<ReceivedAnswer> got = adapter.answers().poll(10);

        assertThat(got).singleElement().satisfies(a -> {
            assertThat(a.task()).isEqualTo(task);
            assertThat(a.origin()).isEqualTo("answers/" + task + ".answer.properties");
            assertThat(a.answer()).isEqualTo(new DataAnswer(task, pdf, "application/pdf", DataFormat.BINARY));
        });
    }

    @Test
    void anXmlMediaTypeMakesAnXmlDataAnswerUnlessFormatSaysOtherwise() throws Exception {
        ObjectIdentifier a = SampleRequests.newId();
        ObjectIdentifier b = SampleRequests.newId();
        Files.writeString(answers().resolve("a.xml"), "<subscriber/>");
        drop(a, "task=" + a + "\ntype=data\ndataFile=a.xml\nmediaType=application/vnd.example+xml\n");
        drop(b, "task=" + b + "\ntype=data\ndataFile=a.xml\nmediaType=application/xml\nformat=binary\n");

        assertThat(adapter.answers().poll(10)).extracting(r -> ((DataAnswer) r.answer()).format())
                .containsExactlyInAnyOrder(DataFormat.XML, DataFormat.BINARY);
    }

    @Test
    void existenceRefusalAndPreservationAnswersAreParsed() throws Exception {
        ObjectIdentifier e = SampleRequests.newId();
        ObjectIdentifier r = SampleRequests.newId();
        ObjectIdentifier p = SampleRequests.newId();
        drop(e, "task=" + e + "\ntype=existence\nexists=yes\nnote=Held since 2019.\n");
        drop(r, "# a comment\ntask=" + r + "\ntype=refusal\nreason=DataNotHeld\n"
                + "explanation=We keep IP logs for 90 days;\\n the period asked for is older.\n");
        drop(p, "task=" + p + "\ntype=preserved\npreservedUntil=2026-03-31T23:59:59+02:00\n");

        assertThat(adapter.answers().poll(10)).extracting(ReceivedAnswer::answer).containsExactlyInAnyOrder(
                new DataExistenceAnswer(e, true, Optional.of("Held since 2019.")),
                new RefusalAnswer(r, RefusalReason.DATA_NOT_HELD,
                        "We keep IP logs for 90 days;\n the period asked for is older."),
                new PreservationConfirmed(p, Instant.parse("2026-03-31T21:59:59Z"), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown type            | type=gift                                                      | unknown type 'gift'",
        "unknown refusal reason  | type=refusal\\nreason=NotInTheMood\\nexplanation=No.          | unknown refusal reason 'NotInTheMood'",
        "refusal in wrong case   | type=refusal\\nreason=datanotheld\\nexplanation=No.           | unknown refusal reason 'datanotheld'",
        "refusal unexplained     | type=refusal\\nreason=DataNotHeld\\nexplanation=              | missing explanation",
        "missing data file       | type=data\\ndataFile=nowhere.bin\\nmediaType=application/zip  | dataFile nowhere.bin is missing",
        "data file outside       | type=data\\ndataFile=../requests/x\\nmediaType=text/plain     | plain file name",
        "unknown key             | type=existence\\nexists=true\\nexplantion=typo                | unknown key 'explantion'",
        "key twice               | type=existence\\nexists=true\\nexists=false                   | key given twice: exists",
        "exists not yes or no    | type=existence\\nexists=maybe                                 | exists must be",
        "date without time       | type=preserved\\npreservedUntil=2026-03-31                   | preservedUntil must be",
        "no type                 | exists=true                                                    | missing type",
    })
    void aMalformedAnswerIsSetAsideWithItsReasonAndNeverReturned(String name, String body, String reason) throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        drop(task, "task=" + task + "\n" + body.replace("\\n", "\n") + "\n");

        assertThat(adapter.answers().poll(10)).isEmpty();

        String file = task + ".answer.properties";
        assertThat(names(answers())).doesNotContain(file);
        assertThat(names(answers().resolve("rejected"))).containsExactly(file, file + ".reason");
        Properties why = load(answers().resolve("rejected").resolve(file + ".reason"));
        assertThat(why.getProperty("reason")).contains(reason);
        assertThat(why.getProperty("rejectedBy")).isEqualTo("adapter");
        assertThat(adapter.answers().poll(10)).isEmpty();
    }

    @Test
    void anAnswerForAnotherTaskThanItsFileNameIsRejected() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        ObjectIdentifier other = SampleRequests.newId();
        drop(task, "task=" + other + "\ntype=existence\nexists=false\n");

        assertThat(adapter.answers().poll(10)).isEmpty();
        assertThat(load(answers().resolve("rejected").resolve(task + ".answer.properties.reason")).getProperty("reason"))
                .startsWith("task mismatch");
    }

    @Test
    void anAnswerFileNotNamedForATaskIsRejected() throws Exception {
        drop("INVOICE-17.answer.properties", "type=existence\nexists=false\n");

        assertThat(adapter.answers().poll(10)).isEmpty();
        assertThat(names(answers().resolve("rejected")))
                .containsExactly("INVOICE-17.answer.properties", "INVOICE-17.answer.properties.reason");
    }

    @Test
    void aSymbolicLinkPosingAsAnAnswerIsSetAsideWithoutTouchingItsTarget() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        Path secret = Files.writeString(root.resolve("secret.txt"), "task=" + task + "\ntype=existence\nexists=true\n");
        Files.createSymbolicLink(answers().resolve(task + ".answer.properties"), secret);

        assertThat(adapter.answers().poll(10)).isEmpty();
        assertThat(Files.isSymbolicLink(answers().resolve("rejected").resolve(task + ".answer.properties"))).isTrue();
        assertThat(secret).exists();
    }

    @Test
    void anOversizedDataFileIsRejectedTogetherWithTheAnswer() throws Exception {
        adapter.stop();
        adapter = new FileDropAdapter(FileDropConfig.under(root).withLimits(1024, 4));
        adapter.start();
        ObjectIdentifier task = SampleRequests.newId();
        Files.write(answers().resolve("big.bin"), new byte[5]);
        drop(task, "task=" + task + "\ntype=data\ndataFile=big.bin\nmediaType=application/octet-stream\n");

        assertThat(adapter.answers().poll(10)).isEmpty();
        assertThat(names(answers().resolve("rejected")))
                .containsExactlyInAnyOrder(task + ".answer.properties", task + ".answer.properties.reason", "big.bin");
        assertThat(names(answers())).isEmpty();
    }

    @Test
    void acknowledgeMovesTheAnswerAndItsDataToDoneForGood() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        Files.writeString(answers().resolve("subscriber.xml"), "<subscriber/>");
        drop(task, "task=" + task + "\ntype=data\ndataFile=subscriber.xml\nmediaType=application/xml\n");
        ReceivedAnswer a = adapter.answers().poll(10).get(0);

        adapter.answers().acknowledge(a);
        adapter.answers().acknowledge(a);

        assertThat(names(answers())).isEmpty();
        assertThat(names(answers().resolve("done"))).containsExactly(task + ".answer.properties", "subscriber.xml");
        assertThat(adapter.answers().poll(10)).isEmpty();
    }

    @Test
    void aSecondAnswerForTheSameTaskIsKeptBesideTheFirstInDone() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        drop(task, "task=" + task + "\ntype=existence\nexists=true\n");
        adapter.answers().acknowledge(adapter.answers().poll(1).get(0));
        drop(task, "task=" + task + "\ntype=refusal\nreason=Other\nexplanation=Second thoughts.\n");
        adapter.answers().acknowledge(adapter.answers().poll(1).get(0));

        assertThat(names(answers().resolve("done")))
                .containsExactly(task + ".answer.1.properties", task + ".answer.properties");
    }

    @Test
    void theNodeRejectsAnAnswerWithItsOwnReason() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        drop(task, "task=" + task + "\ntype=preserved\npreservedUntil=2026-01-01T00:00:00Z\n");
        ReceivedAnswer a = adapter.answers().poll(10).get(0);

        adapter.answers().reject(a, "task " + task + " is a disclosure; a preservation answer does not fit");

        Properties why = load(answers().resolve("rejected").resolve(task + ".answer.properties.reason"));
        assertThat(why.getProperty("reason")).contains("does not fit");
        assertThat(why.getProperty("rejectedBy")).isEqualTo("node");
        assertThat(adapter.answers().poll(10)).isEmpty();
    }

    @Test
    void anUnacknowledgedAnswerIsFoundAgainWithTheSameIdAfterARestart() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        Files.writeString(answers().resolve("d.txt"), "subscriber: Alice");
        drop(task, "task=" + task + "\ntype=data\ndataFile=d.txt\nmediaType=text/plain\n");
        ReceivedAnswer before = adapter.answers().poll(10).get(0);
        adapter.stop();

        FileDropAdapter restarted = new FileDropAdapter(FileDropConfig.under(root));
        restarted.start();
        try {
            List<ReceivedAnswer> after = restarted.answers().poll(10);
            assertThat(after).containsExactly(before);
            restarted.answers().acknowledge(after.get(0));
            assertThat(restarted.answers().poll(10)).isEmpty();
        } finally {
            restarted.stop();
        }
    }

    @Test
    void anAnswerReplacedAfterItWasPolledIsNotAcknowledgedByMistake() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        drop(task, "task=" + task + "\ntype=existence\nexists=true\n");
        ReceivedAnswer old = adapter.answers().poll(10).get(0);
        drop(task, "task=" + task + "\ntype=existence\nexists=false\n");

        adapter.answers().acknowledge(old);

        List<ReceivedAnswer> now = adapter.answers().poll(10);
        assertThat(now).singleElement().satisfies(a -> {
            assertThat(a.id()).isNotEqualTo(old.id());
            assertThat(((DataExistenceAnswer) a.answer()).exists()).isFalse();
        });
    }

    @Test
    void onlyCompleteAnswerFilesArePickedUpOldestFirstAndAtMostMax() throws Exception {
        Files.writeString(answers().resolve("half-written-data.bin"), "no answer file yet");
        Files.writeString(answers().resolve(".tmp-provider.answer.properties"), "task=x");
        ObjectIdentifier older = SampleRequests.newId();
        ObjectIdentifier newer = SampleRequests.newId();
        Path o = drop(older, "task=" + older + "\ntype=existence\nexists=true\n");
        Path n = drop(newer, "task=" + newer + "\ntype=existence\nexists=true\n");
        Files.setLastModifiedTime(o, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        Files.setLastModifiedTime(n, FileTime.from(Instant.parse("2025-01-02T00:00:00Z")));

        assertThat(adapter.answers().poll(1)).extracting(ReceivedAnswer::task).containsExactly(older);
        assertThat(adapter.answers().poll(5)).extracting(ReceivedAnswer::task).containsExactly(older, newer);
        assertThat(answers().resolve("half-written-data.bin")).exists();
        assertThat(names(answers().resolve("rejected"))).isEmpty();
    }

    @Test
    void twoAdaptersCannotShareOneAnswersFolder() throws Exception {
        FileDropAdapter second = new FileDropAdapter(FileDropConfig.under(root));
        assertThatThrownBy(second::start).isInstanceOf(TransientAdapterException.class).hasMessageContaining("in use");
        adapter.stop();
        second.start();
        second.stop();
    }
}
