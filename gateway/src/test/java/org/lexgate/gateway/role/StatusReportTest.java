package org.lexgate.gateway.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusReportTest {

    private static final String TASK = "2b36a78b-b628-416d-bd22-404e68a0cd36";

    @Test
    void aPreservationReportReadsBackWithItsDateAndNote() {
        StatusReport report = new StatusReport("LPTask", TASK, "Preserved", Optional.of(Instant.parse("2027-02-26T00:00:00Z")),
                Optional.of("kept: logs and log-ins"));

        assertThat(report.text()).isEqualTo("LPTask " + TASK + " Status Preserved until 2027-02-26T00:00:00Z: kept: logs and log-ins");
        assertThat(StatusReport.parse(report.text())).contains(report);
    }

    @Test
    void aReportWithoutDateOrNoteReadsBack() {
        StatusReport report = new StatusReport("LDTask", TASK, "Rejected", Optional.empty(), Optional.empty());

        assertThat(StatusReport.parse(report.text())).contains(report);
        assertThat(report.about("00000000-0000-4000-8000-000000000001").objectId()).isEqualTo("00000000-0000-4000-8000-000000000001");
    }

    @Test
    void freeTextIsNotAStatusReport() {
        assertThat(StatusReport.parse("The data is no longer required.")).isEmpty();
        assertThat(StatusReport.parse(null)).isEmpty();
        assertThat(StatusReport.parse("LDTask not-a-uuid Status Disclosed")).isEmpty();
    }
}
