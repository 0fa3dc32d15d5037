package org.lexgate.gateway.network;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider's "back office" for the demo and the end-to-end tests: it reads the requests the node
 * writes into the file-drop folder and answers them through the same folder, as a provider's staff
 * or systems would (adapters/README.md), without any Java API of the node:
 * <ul>
 *   <li>a preservation or extension: {@code type=preserved} until the date asked (else 90 days);</li>
 *   <li>a disclosure whose first identifier contains {@code unknown}: {@code type=refusal},
 *       reason {@code AccountNotFound} with an explanation (§57);</li>
 *   <li>any other disclosure: {@code type=data}, an XML subscriber record in the provider's own
 *       namespace, delivered as binary data with its SHA-256 checksum;</li>
 *   <li>a release or cancellation: taken note of, nothing to answer.</li>
 * </ul>
 * Handled requests move to {@code requests/taken/}.
 */
public final class ScriptedBackOffice implements Runnable {

    /** The namespace of the demo provider's subscriber records. */
    public static final String DATA_NAMESPACE = "urn:example:xb-telecom:subscriber:1";

    private final Path requests;
    private final Path answers;
    private final List<String> log = new CopyOnWriteArrayList<>();

    public ScriptedBackOffice(Path fileDrop) {
        this.requests = fileDrop.resolve("requests");
        this.answers = fileDrop.resolve("answers");
    }

    @Override
    public void run() {
        try {
            answerPending();
        } catch (IOException e) {
            log.add("back office: " + e);
        }
    }

    /** Answers every request waiting now; returns how many requests it took. */
    public synchronized int answerPending() throws IOException {
        if (!Files.isDirectory(requests)) {
            return 0;
        }
        List<Path> ready = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(requests, "*.request.properties")) {
            files.forEach(f -> {
                if (!f.getFileName().toString().startsWith(".")) { // a name starting with a dot is never a finished file
                    ready.add(f);
                }
            });
        }
        ready.sort(null);
        for (Path summary : ready) {
            answer(summary);
        }
        return ready.size();
    }

    /** What the back office did, one line each, in order. */
    public List<String> log() {
        return List.copyOf(log);
    }

    private void answer(Path summaryFile) throws IOException {
        Properties summary = new Properties();
        try (Reader in = Files.newBufferedReader(summaryFile, StandardCharsets.UTF_8)) {
            summary.load(in);
        }
        String task = summary.getProperty("task");
        String kind = summary.getProperty("kind");
        String identifier = summary.getProperty("identifier.1.value", "");
        StringBuilder answer = new StringBuilder("task=").append(task).append('\n');
        String did;
        switch (kind) {
            case "PRESERVATION", "PRESERVATION_EXTENSION" -> {
                String until = summary.getProperty("preserveUntil",
                        Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS).toString());
                answer.append("type=preserved\npreservedUntil=").append(until).append('\n');
                did = "preserved until " + until;
            }
            case "DISCLOSURE" -> {
                if (identifier.contains("unknown")) {
                    answer.append("type=refusal\nreason=AccountNotFound\nexplanation=No account matches ")
                            .append(identifier).append("; we hold no data for it.\n");
                    did = "refused: AccountNotFound";
                } else {
                    String dataFile = task + ".subscriber.xml";
                    String xml = "<subscriber xmlns=\"" + DATA_NAMESPACE + "\"><identifier>" + escape(identifier)
                            + "</identifier><name>Jane Example</name><registered>2024-03-01T10:00:00Z</registered>"
                            + "<address>1 Example Street, XB</address></subscriber>";
                    write(answers.resolve(dataFile), xml);
                    answer.append("type=data\ndataFile=").append(dataFile).append("\nmediaType=application/xml\nformat=binary\n");
                    did = "disclosed " + xml.length() + " bytes of subscriber data";
                }
            }
            default -> {
                answer.setLength(0);
                did = "noted " + kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            }
        }
        if (answer.length() > 0) {
            write(answers.resolve(task + ".answer.properties"), answer.toString());
        }
        Path taken = requests.resolve("taken");
        Files.createDirectories(taken);
        String stem = summaryFile.getFileName().toString().replace(".request.properties", "");
        Files.move(summaryFile, taken.resolve(summaryFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path xmlFile = requests.resolve(stem + ".request.xml");
        if (Files.exists(xmlFile)) {
            Files.move(xmlFile, taken.resolve(xmlFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        log.add(kind + " " + task + " (" + summary.getProperty("requesterReference") + " from "
                + summary.getProperty("requester.id") + (Boolean.parseBoolean(summary.getProperty("urgent")) ? ", urgent" : "")
                + "): " + did);
    }

    /** Writes a hidden temporary file and renames it: the answer file is the commit marker. */
    private static void write(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(".tmp-" + target.getFileName());
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
