package org.jkeepalived.net;

import java.util.ArrayList;
import java.util.List;

/** In-memory {@link FrameSender}: records the frames. */
public final class FakeFrameSender implements FrameSender {
    private final List<byte[]> frames = new ArrayList<>();
    private boolean closed;

    @Override
    public synchronized void send(byte[] ethernetFrame) {
        if (closed) {
            throw new IllegalStateException("send on a closed sender");
        }
        frames.add(ethernetFrame.clone());
    }

    public synchronized List<byte[]> frames() {
        return List.copyOf(frames);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
