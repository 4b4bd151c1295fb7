package org.faregate.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A chunked HTTP response as an {@link OutputStream}, for a worker thread writing a large body: 64 KiB
 * chunks, and when the connection's write queue is full the writer waits for it to drain, so a slow gate
 * reading a ten-million-entry snapshot holds only a few chunks in the gateway's memory. Closing ends the response.
 */
final class ResponseOutputStream extends OutputStream {

    private static final int CHUNK = 1 << 16;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final HttpServerResponse response;
    private final byte[] chunk = new byte[CHUNK];
    private int used;
    private boolean closed;

    ResponseOutputStream(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == CHUNK) {
            flushChunk();
        }
        chunk[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (used == CHUNK) {
                flushChunk();
            }
            int n = Math.min(length, CHUNK - used);
            System.arraycopy(bytes, offset, chunk, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        flushChunk();
        response.end();
    }

    private void flushChunk() throws IOException {
        if (used == 0) {
            return;
        }
        if (response.closed()) {
            throw new IOException("the client closed the connection");
        }
        response.write(Buffer.buffer(Arrays.copyOf(chunk, used)));
        used = 0;
        while (response.writeQueueFull()) {
            CountDownLatch drained = new CountDownLatch(1);
            response.drainHandler(ignored -> drained.countDown());
            if (!response.writeQueueFull()) {
                return;
            }
            try {
                if (!drained.await(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IOException("the client read nothing for " + DRAIN_TIMEOUT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the client was reading slowly");
            }
        }
    }
}
