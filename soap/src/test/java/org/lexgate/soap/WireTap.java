package org.lexgate.soap;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/** Records the exact bytes a CXF client puts on the wire (the signed SOAP request). */
final class WireTap extends AbstractPhaseInterceptor<Message> {

    final List<byte[]> requests = new CopyOnWriteArrayList<>();

    WireTap() {
        super(Phase.PRE_STREAM);
        addBefore(StaxOutInterceptor.class.getName());
    }

    static WireTap on(HopClient client) {
        WireTap tap = new WireTap();
        client.cxfClient().getOutInterceptors().add(tap);
        return tap;
    }

    byte[] last() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public void handleMessage(Message message) {
        OutputStream wire = message.getContent(OutputStream.class);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        message.setContent(OutputStream.class, new FilterOutputStream(wire) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                copy.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                copy.write(b);
            }

            @Override
            public void close() throws IOException {
                requests.add(copy.toByteArray());
                super.close();
            }
        });
    }
}
