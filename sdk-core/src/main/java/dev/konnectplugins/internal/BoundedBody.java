package dev.konnectplugins.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A response body read into memory up to a limit. {@code HttpClient.send} returns as soon as the headers are in
 * (like {@code ofInputStream}); the caller then {@linkplain #await waits} for the bytes with its own deadline, so a
 * body that stalls is bounded without a watchdog thread, and one that grows past the limit is cut off while it
 * streams in, before the memory is spent.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody> {
    private final long limit;
    private final long declaredLength;
    private final CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    private final List<ByteBuffer> received = new ArrayList<>(4);
    private long size;
    private volatile Flow.Subscription subscription;

    private BoundedBody(long limit, long declaredLength) {
        this.limit = limit;
        this.declaredLength = declaredLength;
    }

    /** Bodies of at most {@code limit} bytes. */
    static HttpResponse.BodyHandler<BoundedBody> handler(long limit) {
        return info -> new BoundedBody(limit, info.headers().firstValueAsLong("content-length").orElse(-1));
    }

    /**
     * The whole body, waiting at most {@code nanos}.
     *
     * @throws HttpTimeoutException       when it did not arrive in time
     * @throws ResponseTooLargeException  when it is longer than the limit
     * @throws IOException                when the connection failed while it was read
     */
    byte[] await(long nanos) throws IOException, InterruptedException {
        try {
            return bytes.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            discard();
            throw new HttpTimeoutException("the response body did not arrive in time");
        } catch (InterruptedException e) {
            discard();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException ? (IOException) cause : new IOException(cause);
        }
    }

    /** Stops reading; the connection is closed rather than reused. */
    void discard() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public CompletionStage<BoundedBody> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription value) {
        subscription = value;
        if (declaredLength > limit) {
            value.cancel();
            bytes.completeExceptionally(new ResponseTooLargeException(limit, declaredLength));
        } else {
            value.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (bytes.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            size += buffer.remaining();
            if (size > limit) {
                received.clear();
                subscription.cancel();
                bytes.completeExceptionally(new ResponseTooLargeException(limit, declaredLength));
                return;
            }
            received.add(buffer);
        }
    }

    @Override
    public void onError(Throwable failure) {
        received.clear();
        bytes.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        byte[] all = new byte[(int) size];
        int at = 0;
        for (ByteBuffer buffer : received) {
            int length = buffer.remaining();
            buffer.get(all, at, length);
            at += length;
        }
        received.clear();
        bytes.complete(all);
    }
}
