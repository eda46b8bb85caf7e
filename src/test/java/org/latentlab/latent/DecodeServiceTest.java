package org.latentlab.latent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Latest-wins decoding on one worker thread, driven with a decoder that blocks until the test lets it go. */
class DecodeServiceTest {

    /** Decodes code (v) to the image {v}, recording what it decoded; the code 0 blocks until released. */
    private static final class GatedDecoder implements Decoder {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Double> decoded = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());

        @Override
        public float[][] decode(double[][] codes) {
            decoded.add(codes[0][0]);
            threads.add(Thread.currentThread().getName());
            if (codes[0][0] == 0) {
                started.countDown();
                try {
                    if (!release.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (codes[0][0] < 0) {
                throw new IllegalArgumentException("negative code");
            }
            return new float[][] {{(float) codes[0][0]}};
        }
    }

    @Test
    void requestsQueuedDuringADecodeAreDroppedAndOnlyTheNewestIsDecoded() throws Exception {
        GatedDecoder decoder = new GatedDecoder();
        try (DecodeService service = new DecodeService(decoder)) {
            CompletableFuture<DecodeService.Decoded> first = service.submit(new double[] {0});
            assertTrue(decoder.started.await(10, TimeUnit.SECONDS));
            List<CompletableFuture<DecodeService.Decoded>> queued = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                queued.add(service.submit(new double[] {i}));
            }
            decoder.release.countDown();
            DecodeService.Decoded newest = queued.get(9).get(10, TimeUnit.SECONDS);
            assertEquals(10f, newest.image()[0]);
            assertEquals(11, newest.sequence());
            assertEquals(0f, first.get(10, TimeUnit.SECONDS).image()[0], "the decode under way completes");
            for (int i = 0; i < 9; i++) {
                assertTrue(queued.get(i).isCancelled(), "request " + (i + 1) + " should have been dropped");
            }
            assertEquals(List.of(0.0, 10.0), decoder.decoded);
            assertEquals(9, service.droppedCount());
        }
    }

    @Test
    void aLoneRequestIsDecodedAndErrorsReachTheFuture() throws Exception {
        GatedDecoder decoder = new GatedDecoder();
        decoder.release.countDown();
        try (DecodeService service = new DecodeService(decoder)) {
            assertEquals(3f, service.submit(new double[] {3}).get(10, TimeUnit.SECONDS).image()[0]);
            CompletableFuture<DecodeService.Decoded> bad = service.submit(new double[] {-1});
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals(5f, service.submit(new double[] {5}).get(10, TimeUnit.SECONDS).image()[0],
                    "the worker survives a failed decode");
        }
    }

    @Test
    void tasksRunOnTheSameWorkerInOrderWithTheDecodes() throws Exception {
        GatedDecoder decoder = new GatedDecoder();
        decoder.release.countDown();
        try (DecodeService service = new DecodeService(decoder, "studio-1")) {
            service.submit(new double[] {2}).get(10, TimeUnit.SECONDS);
            String thread = service.<GatedDecoder, String>run(d -> Thread.currentThread().getName())
                    .get(10, TimeUnit.SECONDS);
            assertEquals("studio-1", thread);
            assertEquals(List.of("studio-1"), decoder.threads);
        }
    }

    @Test
    void aClosedServiceRefusesRequests() throws Exception {
        DecodeService service = new DecodeService(codes -> new float[][] {{1}});
        service.close();
        assertTrue(service.awaitTermination(10, TimeUnit.SECONDS));
        CompletableFuture<DecodeService.Decoded> f = service.submit(new double[] {1});
        assertTrue(f.isCompletedExceptionally());
        assertFalse(f.isCancelled());
    }
}
