package org.lexgate.adapters.filedrop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.lexgate.adapters.PermanentAdapterException;
import org.lexgate.adapters.ProviderRequest;
import org.lexgate.adapters.RequestSink;
import org.lexgate.adapters.TransientAdapterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each request as two files in the requests folder, each atomically (temporary file, fsync,
 * rename): first the signed bytes {@code <task>.<kind>.request.xml}, then the summary
 * {@code <task>.<kind>.request.properties}, which is the commit marker for the provider's systems.
 * Delivering the same task and kind again replaces both files atomically: one request, never two.
 *
 * <p>Failures: any I/O error (folder missing, not writable, disk full) is transient — the request is
 * fine and the folder can be repaired, so the node keeps retrying. A signed request larger than
 * {@code max-request-bytes} is permanent: retrying cannot shrink it.
 */
final class FileDropRequests implements RequestSink {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropRequests.class);

    private final FileDropAdapter adapter;
    private final FileDropConfig config;

    FileDropRequests(FileDropAdapter adapter, FileDropConfig config) {
        this.adapter = adapter;
        this.config = config;
    }

    /** The shared part of a request's file names: {@code <task>.<kind-slug>}. */
    static String baseName(ProviderRequest r) {
        return r.task().value() + "." + r.kind().slug();
    }

    @Override
    public void deliver(ProviderRequest request) throws TransientAdapterException, PermanentAdapterException {
        adapter.checkStarted();
        if (request.signedRequestLength() > config.maxRequestBytes()) {
            throw new PermanentAdapterException("filedrop: signed request for task " + request.task() + " has "
                    + request.signedRequestLength() + " bytes, more than max-request-bytes " + config.maxRequestBytes());
        }
        String base = baseName(request);
        String xmlName = base + ".request.xml";
        String summaryName = base + ".request.properties";
        Path xml = config.requests().resolve(xmlName);
        Path summary = config.requests().resolve(summaryName);
        try {
            // the summary last: a back end that waits for it finds the request complete
            AtomicFiles.writeAll(List.of(new AtomicFiles.Content(xml, request.signedRequest()),
                    new AtomicFiles.Content(summary,
                            RequestSummary.render(request, xmlName, FileDropAnswers.answerFileName(request.task())))));
        } catch (IOException e) {
            throw new TransientAdapterException("filedrop: cannot write request " + base + " to " + config.requests()
                    + ": " + e, e);
        }
        LOG.info("filedrop: request {} ({}{}) written to {}", request.task(), request.kind(),
                request.urgent() ? ", urgent" : "", summary);
    }
}
