package org.lexgate.adapters.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lexgate.adapters.AnswerSource;
import org.lexgate.adapters.ObjectIdentifier;
import org.lexgate.adapters.ReceivedAnswer;
import org.lexgate.adapters.TransientAdapterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks answers up from the answers folder. Only {@code <task>.answer.properties} files count: each is
 * the commit marker of one answer, so the provider writes any data file first and the answer file last
 * (by rename). Hidden files and everything else are left alone.
 *
 * <ul>
 *   <li>A malformed answer is moved, with its data file, to {@code rejected/} beside a
 *       {@code <name>.reason} file, logged, and never returned.</li>
 *   <li>{@link #acknowledge} moves the answer and its data file to {@code done/}.</li>
 *   <li>{@link #reject} moves them to {@code rejected/} with the node's reason.</li>
 * </ul>
 * A name already taken in {@code done/} or {@code rejected/} gets a number: {@code x.answer.1.properties}.
 * Before moving, acknowledge and reject read the file again and compare its id: an answer file the
 * provider replaced in the meantime is left in place, to be polled as the new answer it is.
 */
final class FileDropAnswers implements AnswerSource {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropAnswers.class);

    private final FileDropAdapter adapter;
    private final FileDropConfig config;
    private final Path done;
    private final Path rejected;
    private final Clock clock;

    FileDropAnswers(FileDropAdapter adapter, FileDropConfig config, Clock clock) {
        this.adapter = adapter;
        this.config = config;
        this.done = config.answers().resolve("done");
        this.rejected = config.answers().resolve("rejected");
        this.clock = clock;
    }

    /** The answer file name for a task: {@code <task>.answer.properties}. */
    static String answerFileName(ObjectIdentifier task) {
        return task.value() + AnswerFile.SUFFIX;
    }

    @Override
    public Duration pollInterval() {
        return config.pollInterval();
    }

    @Override
    public synchronized List<ReceivedAnswer> poll(int max) throws TransientAdapterException {
        adapter.checkStarted();
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        List<ReceivedAnswer> out = new ArrayList<>();
        for (Path file : listAnswerFiles()) {
            if (out.size() == max) {
                break;
            }
            try {
                AnswerFile a = AnswerFile.read(file, config.maxDataBytes());
                out.add(new ReceivedAnswer(a.id(), a.answer(), origin(file)));
            } catch (MalformedAnswerException e) {
                LOG.warn("filedrop: malformed answer {} rejected: {}", file.getFileName(), e.getMessage());
                try {
                    setAside(file, e.dataFile(), e.getMessage(), "adapter");
                } catch (TransientAdapterException moveFailed) {
                    LOG.warn("filedrop: {}; trying again next poll", moveFailed.getMessage());
                }
            } catch (NoSuchFileException e) {
                LOG.debug("filedrop: answer {} went away while being read", file.getFileName());
            } catch (IOException e) {
                LOG.warn("filedrop: cannot read answer {}, trying again next poll: {}", file.getFileName(), e.toString());
            }
        }
        return out;
    }

    @Override
    public synchronized void acknowledge(ReceivedAnswer answer) throws TransientAdapterException {
        adapter.checkStarted();
        Optional<AnswerFile> current = current(answer);
        if (current.isEmpty()) {
            return;
        }
        Path file = fileOf(answer);
        try {
            Path target = AtomicFiles.moveUnique(file, done, file.getFileName().toString());
            current.get().dataFile().ifPresent(d -> moveQuietly(d, done));
            LOG.info("filedrop: answer {} for task {} acknowledged, moved to {}", answer.id(), answer.task(), target);
        } catch (NoSuchFileException e) {
            LOG.debug("filedrop: answer {} already moved", file.getFileName());
        } catch (IOException e) {
            throw new TransientAdapterException("filedrop: cannot move " + file + " to " + done + ": " + e, e);
        }
    }

    @Override
    public synchronized void reject(ReceivedAnswer answer, String reason) throws TransientAdapterException {
        adapter.checkStarted();
        Optional<AnswerFile> current = current(answer);
        if (current.isEmpty()) {
            return;
        }
        LOG.warn("filedrop: answer {} for task {} rejected by the node: {}", answer.origin(), answer.task(), reason);
        setAside(fileOf(answer), current.get().dataFile(), reason, "node");
    }

    /**
     * The answer file as it is now, if it is still the answer the node saw; empty when it is gone
     * (already moved) or has changed.
     */
    private Optional<AnswerFile> current(ReceivedAnswer answer) throws TransientAdapterException {
        Path file = fileOf(answer);
        try {
            AnswerFile now = AnswerFile.read(file, config.maxDataBytes());
            if (now.id().equals(answer.id())) {
                return Optional.of(now);
            }
            LOG.warn("filedrop: answer {} was replaced since it was polled; the new one will be polled", file.getFileName());
        } catch (NoSuchFileException e) {
            LOG.debug("filedrop: answer {} already moved", file.getFileName());
        } catch (MalformedAnswerException e) {
            LOG.warn("filedrop: answer {} changed since it was polled and is now malformed; next poll rejects it",
                    file.getFileName());
        } catch (IOException e) {
            throw new TransientAdapterException("filedrop: cannot read " + file + ": " + e, e);
        }
        return Optional.empty();
    }

    private Path fileOf(ReceivedAnswer answer) {
        String name = answer.origin().substring(answer.origin().lastIndexOf('/') + 1);
        if (!name.equals(answerFileName(answer.task()))) {
            throw new IllegalArgumentException("not an answer of this connector: " + answer.origin());
        }
        return config.answers().resolve(name);
    }

    private static String origin(Path file) {
        return "answers/" + file.getFileName();
    }

    /** Answer files, oldest first (then by name). */
    private List<Path> listAnswerFiles() throws TransientAdapterException {
        Map<Path, FileTime> found = new LinkedHashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(config.answers(), "*" + AnswerFile.SUFFIX)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile() || a.isSymbolicLink()) {
                        found.put(p, a.lastModifiedTime());
                    }
                } catch (NoSuchFileException e) {
                    // moved away between listing and reading
                }
            }
        } catch (IOException e) {
            throw new TransientAdapterException("filedrop: cannot list " + config.answers() + ": " + e, e);
        }
        List<Path> files = new ArrayList<>(found.keySet());
        files.sort(Comparator.comparing((Path p) -> found.get(p)).thenComparing(p -> p.getFileName().toString()));
        return files;
    }

    /** Writes the reason first, then moves the answer (and its data file) to rejected/: never one without the other. */
    private void setAside(Path file, Optional<Path> data, String reason, String by) throws TransientAdapterException {
        Path target = AtomicFiles.freeName(rejected, file.getFileName().toString());
        Map<String, String> m = new LinkedHashMap<>();
        m.put("reason", reason);
        m.put("answerFile", file.getFileName().toString());
        data.ifPresent(d -> m.put("dataFile", d.getFileName().toString()));
        m.put("rejectedAt", clock.instant().toString());
        m.put("rejectedBy", by);
        String text = PropertiesText.render("lexgate: why " + target.getFileName() + " was not accepted."
                + "\nFix it and drop a corrected answer into the answers folder.", m);
        try {
            AtomicFiles.write(rejected.resolve(target.getFileName() + ".reason"), text.getBytes(StandardCharsets.UTF_8));
            AtomicFiles.moveUnique(file, rejected, target.getFileName().toString());
        } catch (NoSuchFileException e) {
            LOG.debug("filedrop: answer {} already moved", file.getFileName());
            return;
        } catch (IOException e) {
            throw new TransientAdapterException("filedrop: cannot move " + file + " to " + rejected + ": " + e, e);
        }
        data.ifPresent(d -> moveQuietly(d, rejected));
    }

    /** Moves a data file after its answer file; a failure leaves a stray data file, logged, and loses nothing. */
    private static void moveQuietly(Path data, Path dir) {
        try {
            AtomicFiles.moveUnique(data, dir, data.getFileName().toString());
        } catch (IOException e) {
            LOG.warn("filedrop: answer moved but its data file {} could not be moved to {}: {}", data, dir, e.toString());
        }
    }
}
