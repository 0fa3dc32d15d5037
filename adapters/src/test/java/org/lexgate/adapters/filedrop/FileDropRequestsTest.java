package org.lexgate.adapters.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.adapters.ObjectIdentifier;
import org.lexgate.adapters.PermanentAdapterException;
import org.lexgate.adapters.ProviderRequest;
import org.lexgate.adapters.RequestKind;
import org.lexgate.adapters.SampleRequests;
import org.lexgate.adapters.TransientAdapterException;

class FileDropRequestsTest {

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

    private Path requests() {
        return root.resolve("requests");
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
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
    void aRequestIsWrittenAsTheExactSignedBytesAndASummaryWithNoTemporaryFileLeft() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        ProviderRequest r = SampleRequests.disclosure(task).build();

        adapter.requests().deliver(r);

        String base = task + ".disclosure";
        assertThat(names(requests())).containsExactly(base + ".request.properties", base + ".request.xml");
        assertThat(Files.readAllBytes(requests().resolve(base + ".request.xml"))).isEqualTo(r.signedRequest());
        Properties p = load(requests().resolve(base + ".request.properties"));
        assertThat(p.getProperty("format")).isEqualTo("lexgate-request/1");
        assertThat(p.getProperty("task")).isEqualTo(task.value());
        assertThat(p.getProperty("kind")).isEqualTo("DISCLOSURE");
        assertThat(p.getProperty("case")).isEqualTo(r.caseReference().value());
        assertThat(p.getProperty("requesterReference")).isEqualTo("XA-2025-000417");
        assertThat(p.getProperty("requester.id")).isEqualTo("XA-POLICE-CYBER");
        assertThat(p.getProperty("emergency")).isEqualTo("true");
        assertThat(p.getProperty("priority")).isEqualTo("HIGH");
        assertThat(p.getProperty("urgent")).isEqualTo("true");
        assertThat(p.getProperty("legalBasis.1.basis")).isEqualTo("SecondProtocolArt7SubscriberInformation");
        assertThat(p.getProperty("legalBasis.1.article")).isEqualTo("7");
        assertThat(p.getProperty("dataCategory.1")).isEqualTo("SubscriberData");
        assertThat(p.getProperty("identifier.1.owner")).isEqualTo("ETSI");
        assertThat(p.getProperty("identifier.1.type")).isEqualTo("EmailAddress");
        assertThat(p.getProperty("identifier.1.value")).isEqualTo("alice@example.org");
        assertThat(p.getProperty("from")).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(p.getProperty("to")).isEqualTo("2025-01-31T23:59:59Z");
        assertThat(p.getProperty("deadline")).isEqualTo("2025-02-10T12:00:00Z");
        assertThat(p.getProperty("preserveUntil")).isNull();
        assertThat(p.getProperty("description")).isEqualTo(r.description().orElseThrow());
        assertThat(p.getProperty("receivedAt")).isEqualTo("2025-02-03T08:15:30Z");
        assertThat(p.getProperty("signedRequestFile")).isEqualTo(base + ".request.xml");
        assertThat(p.getProperty("signedRequestSha256")).isEqualTo(RequestSummary.sha256(r.signedRequest()));
        assertThat(p.getProperty("signedRequestBytes")).isEqualTo(Integer.toString(r.signedRequestLength()));
        assertThat(p.getProperty("answerFile")).isEqualTo(task + ".answer.properties");
        String text = Files.readString(requests().resolve(base + ".request.properties"), StandardCharsets.UTF_8);
        assertThat(text).contains("ünïcode").doesNotContain("\r");
    }

    @Test
    void deliveringTheSameRequestTwiceLeavesOneRequest() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        ProviderRequest first = SampleRequests.disclosure(task).build();
        adapter.requests().deliver(first);
        adapter.requests().deliver(first);
        ProviderRequest again = SampleRequests.disclosure(task).emergency(false)
                .priority(org.lexgate.adapters.Priority.ROUTINE).build();
        adapter.requests().deliver(again);

        assertThat(names(requests())).hasSize(2);
        assertThat(load(requests().resolve(task + ".disclosure.request.properties")).getProperty("emergency")).isEqualTo("false");
    }

    @Test
    void aFollowUpOnTheSameTaskGetsItsOwnFiles() throws Exception {
        ObjectIdentifier task = SampleRequests.newId();
        adapter.requests().deliver(SampleRequests.disclosure(task).kind(RequestKind.PRESERVATION).build());
        adapter.requests().deliver(SampleRequests.disclosure(task).kind(RequestKind.PRESERVATION_EXTENSION)
                .preserveUntil(java.time.Instant.parse("2026-06-30T00:00:00Z")).build());

        assertThat(names(requests())).containsExactly(
                task + ".preservation-extension.request.properties", task + ".preservation-extension.request.xml",
                task + ".preservation.request.properties", task + ".preservation.request.xml");
        assertThat(load(requests().resolve(task + ".preservation-extension.request.properties")).getProperty("preserveUntil"))
                .isEqualTo("2026-06-30T00:00:00Z");
    }

    @Test
    void aRequestLargerThanTheLimitFailsPermanently() throws Exception {
        adapter.stop();
        adapter = new FileDropAdapter(FileDropConfig.under(root).withLimits(64, 1024));
        adapter.start();
        ProviderRequest big = SampleRequests.disclosure(SampleRequests.newId()).build();

        assertThatThrownBy(() -> adapter.requests().deliver(big))
                .isInstanceOf(PermanentAdapterException.class).hasMessageContaining("max-request-bytes");
        assertThat(names(requests())).isEmpty();
    }

    @Test
    void aRequestsFolderThatWentAwayIsATransientFailure() throws Exception {
        Files.delete(requests());
        Files.writeString(requests(), "the share is not mounted");
        ProviderRequest r = SampleRequests.disclosure(SampleRequests.newId()).build();

        assertThatThrownBy(() -> adapter.requests().deliver(r))
                .isInstanceOf(TransientAdapterException.class).hasMessageContaining("cannot write request");
    }

    @Test
    void aReadOnlyRequestsFolderIsATransientFailure() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root writes into read-only folders");
        Files.setPosixFilePermissions(requests(), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ProviderRequest r = SampleRequests.disclosure(SampleRequests.newId()).build();
            assertThatThrownBy(() -> adapter.requests().deliver(r)).isInstanceOf(TransientAdapterException.class);
        } finally {
            Files.setPosixFilePermissions(requests(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aStoppedAdapterRefusesToDeliver() {
        adapter.stop();
        ProviderRequest r = SampleRequests.disclosure(SampleRequests.newId()).build();
        assertThatThrownBy(() -> adapter.requests().deliver(r)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedAtStart() throws Exception {
        adapter.stop();
        Path stale = requests().resolve(AtomicFiles.TEMP_PREFIX + "1234-x.request.xml");
        Files.writeString(stale, "<half");
        Path providers = requests().resolve(".provider-own-hidden-file");
        Files.writeString(providers, "kept");

        adapter.start();

        assertThat(stale).doesNotExist();
        assertThat(providers).exists();
    }

    @Test
    void aStartOnAPathThatIsAFileIsAConfigurationError() throws Exception {
        Path file = root.resolve("not-a-folder");
        Files.writeString(file, "x");
        FileDropAdapter wrong = new FileDropAdapter(FileDropConfig.under(file));
        assertThatThrownBy(wrong::start).isInstanceOf(PermanentAdapterException.class);
    }
}
