package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue #9 row 15: uploads are judged on their headers before their body is read. */
class UploadGateTest {
    private static final long BIG = 600L * 1024 * 1024;

    private static FakeKonnect fake;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        fake = FakeKonnect.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void concurrentHugeUnauthenticatedUploadsAre401WithoutBeingBuffered() throws Exception {
        fake.wireMock().resetRequests();
        List<CompletableFuture<Integer>> uploads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            uploads.add(upload(null, BIG, new AtomicLong()));
        }
        for (CompletableFuture<Integer> upload : uploads) {
            assertThat(upload.get(60, TimeUnit.SECONDS)).isEqualTo(401);
        }
        // Answered in front of WireMock, which would have read each body into memory to log it.
        assertThat(fake.wireMock().getAllServeEvents()).isEmpty();
        assertThat(stillServes()).isEqualTo(200);
    }

    @Test
    void anAuthenticatedUploadAboveTheLimitIs413() throws Exception {
        int status = upload("Bearer " + fake.token(), FakeKonnect.MAX_BODY_BYTES + 1, new AtomicLong())
                .get(60, TimeUnit.SECONDS);

        assertThat(status).isEqualTo(413);
        assertThat(fake.wireMock().getAllServeEvents()).noneMatch(event -> event.getRequest().getBody().length
                > FakeKonnect.MAX_BODY_BYTES);
        assertThat(stillServes()).isEqualTo(200);
    }

    @Test
    void aBodyWithinTheLimitStillReachesTheFake() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(fake.baseUrl()
                        + plugins(fake.controlPlaneId())))
                .header("Authorization", "Bearer " + fake.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"gate\","
                        + "\"handler\":\"return {PRIORITY = 1, VERSION = '1.0.0'}\","
                        + "\"schema\":\"return {name = 'gate', fields = {{config = {type = 'record', fields = {}}}}}\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** POSTs {@code length} bytes generated on demand; the status, or 401/413 seen as a dropped connection. */
    private static CompletableFuture<Integer> upload(String authorization, long length, AtomicLong sent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl()
                        + plugins(fake.controlPlaneId())))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.fromPublisher(new Generated(length, sent), length));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(HttpResponse::statusCode);
    }

    private static int stillServes() throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + plugins(fake.controlPlaneId())))
                .header("Authorization", "Bearer " + fake.token()).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** A body of spaces made as the client asks for it, so the test itself holds no big buffer. */
    private static final class Generated implements Flow.Publisher<ByteBuffer> {
        private static final byte[] CHUNK = " ".repeat(64 * 1024).getBytes();
        private final long length;
        private final AtomicLong sent;

        Generated(long length, AtomicLong sent) {
            this.length = length;
            this.sent = sent;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private boolean done;

                @Override
                public synchronized void request(long n) {
                    for (long i = 0; i < n && !done; i++) {
                        long left = length - sent.get();
                        if (left <= 0) {
                            done = true;
                            subscriber.onComplete();
                            return;
                        }
                        int size = (int) Math.min(CHUNK.length, left);
                        sent.addAndGet(size);
                        subscriber.onNext(ByteBuffer.wrap(CHUNK, 0, size));
                    }
                }

                @Override
                public synchronized void cancel() {
                    done = true;
                }
            });
        }
    }
}
