package ai.openclaw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared poller: every open watch is polled, each reports its own client. No timing assertions. */
class DisconnectWatchTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DisconnectWatch.Poller poller = new DisconnectWatch.Poller(scheduler);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        scheduler.shutdownNow();
    }

    /** A connected pair: [0] the gateway's side (non-blocking, watched), [1] the client's. */
    private SocketChannel[] pair(ServerSocketChannel server) throws Exception {
        SocketChannel client = SocketChannel.open(server.getLocalAddress());
        SocketChannel accepted = server.accept();
        accepted.configureBlocking(false);
        open.add(client);
        open.add(accepted);
        return new SocketChannel[] {accepted, client};
    }

    @Test
    void manyWatches_eachNoticesItsOwnClient() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel[] gone = pair(server);
            SocketChannel[] pipelining = pair(server);
            SocketChannel[] quiet = pair(server);
            CountDownLatch disconnected = new CountDownLatch(1);
            CountDownLatch wrong = new CountDownLatch(1);
            DisconnectWatch goneWatch = poller.watch(gone[0], disconnected::countDown);
            DisconnectWatch pipeliningWatch = poller.watch(pipelining[0], wrong::countDown);
            DisconnectWatch quietWatch = poller.watch(quiet[0], wrong::countDown);

            gone[1].close();
            pipelining[1].write(ByteBuffer.wrap(new byte[] {'G'}));
            assertThat(disconnected.await(30, TimeUnit.SECONDS)).isTrue();
            while (!pipeliningWatch.sawPipelinedData()) {
                Thread.sleep(5);
            }
            goneWatch.close();
            pipeliningWatch.close();
            quietWatch.close();
            assertThat(wrong.getCount()).as("no other watch reported a disconnect").isEqualTo(1);
            assertThat(quietWatch.sawPipelinedData()).isFalse();
        }
    }

    @Test
    void pollingResumes_afterAllWatchesClosed() throws Exception {
        // the poller stops scheduling itself when nothing is watched; a later watch must start it again
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel[] first = pair(server);
            poller.watch(first[0], () -> { }).close();
            for (int round = 0; round < 3; round++) {
                SocketChannel[] p = pair(server);
                CountDownLatch disconnected = new CountDownLatch(1);
                try (DisconnectWatch w = poller.watch(p[0], disconnected::countDown)) {
                    p[1].close();
                    assertThat(disconnected.await(30, TimeUnit.SECONDS)).isTrue();
                }
                // let the poller find nothing to watch and go idle before the next round
                Thread.sleep(2 * DisconnectWatch.INTERVAL_MS);
            }
        }
    }
}
