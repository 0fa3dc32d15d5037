package org.lexgate.adapters.filedrop;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

import org.lexgate.adapters.Adapter;
import org.lexgate.adapters.AnswerSource;
import org.lexgate.adapters.PermanentAdapterException;
import org.lexgate.adapters.RequestSink;
import org.lexgate.adapters.TransientAdapterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-drop connector: requests written to a folder as files, answers picked up from another
 * (layout and formats in {@code adapters/README.md}).
 *
 * <p>{@link #start()} creates the folders if missing, checks they are writable, removes temporary
 * files a crash left behind, and takes an exclusive lock on {@code answers/.lexgate.lock}, so that
 * two nodes (or two adapters) never pick up the same answers. {@link #stop()} releases the lock.
 */
public final class FileDropAdapter implements Adapter {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropAdapter.class);
    static final String LOCK_FILE = ".lexgate.lock";

    private final FileDropConfig config;
    private final FileDropRequests requests;
    private final FileDropAnswers answers;
    private FileChannel lockChannel;
    private FileLock lock;
    private volatile boolean started;

    public FileDropAdapter(FileDropConfig config) {
        this(config, Clock.systemUTC());
    }

    FileDropAdapter(FileDropConfig config, Clock clock) {
        this.config = config;
        this.requests = new FileDropRequests(this, config);
        this.answers = new FileDropAnswers(this, config, clock);
    }

    public FileDropConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "filedrop:" + config.requests().getParent();
    }

    @Override
    public synchronized void start() throws TransientAdapterException, PermanentAdapterException {
        if (started) {
            return;
        }
        Path[] dirs = {config.requests(), config.answers(), config.answers().resolve("done"),
                config.answers().resolve("rejected")};
        for (Path dir : dirs) {
            prepare(dir);
        }
        lock();
        try {
            int stale = 0;
            for (Path dir : dirs) {
                stale += AtomicFiles.removeStaleTemps(dir);
            }
            if (stale > 0) {
                LOG.info("filedrop: removed {} temporary files left by an interrupted write", stale);
            }
        } catch (IOException e) {
            unlock();
            throw new TransientAdapterException("filedrop: cannot clean up temporary files: " + e, e);
        }
        started = true;
        LOG.info("filedrop: started; requests to {}, answers from {} every {}", config.requests(), config.answers(),
                config.pollInterval());
    }

    @Override
    public synchronized void stop() {
        if (started) {
            started = false;
            LOG.info("filedrop: stopped");
        }
        unlock();
    }

    @Override
    public RequestSink requests() {
        return requests;
    }

    @Override
    public AnswerSource answers() {
        return answers;
    }

    void checkStarted() {
        if (!started) {
            throw new IllegalStateException(name() + " is not started");
        }
    }

    /** Creates a folder if missing; a path that is not a folder is a configuration error, anything else transient. */
    private static void prepare(Path dir) throws TransientAdapterException, PermanentAdapterException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new PermanentAdapterException("filedrop: " + p + " exists and is not a folder");
                }
                break;
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new PermanentAdapterException("filedrop: " + dir + " exists and is not a folder", e);
        } catch (IOException e) {
            throw new TransientAdapterException("filedrop: cannot create folder " + dir + ": " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new TransientAdapterException("filedrop: folder " + dir + " is not writable");
        }
    }

    private void lock() throws TransientAdapterException {
        Path file = config.answers().resolve(LOCK_FILE);
        try {
            lockChannel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            unlock();
            throw new TransientAdapterException("filedrop: cannot lock " + file + ": " + e, e);
        }
        if (lock == null) {
            unlock();
            throw new TransientAdapterException("filedrop: " + config.answers()
                    + " is in use by another lexgate node or adapter (" + file + " is locked)");
        }
    }

    private void unlock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("filedrop: releasing the lock: {}", e.toString());
        } finally {
            lock = null;
            lockChannel = null;
        }
    }
}
