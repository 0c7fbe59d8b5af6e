package ai.openclaw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Access-log lines written off the request path: order kept, nothing lost on close, a stuck output never blocks. */
class BackgroundLinesTest {
    @Test
    void linesFromManyThreads_areAllWritten_inEachThreadsOrder_byClose() throws Exception {
        StringWriter sink = new StringWriter();
        BackgroundLines lines = new BackgroundLines(new PrintWriter(sink));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1_000; i++) {
                    lines.add("t" + id + " " + i);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        lines.close();
        List<String> written = sink.toString().lines().toList();
        assertThat(written).hasSize(4_000);
        for (int t = 0; t < 4; t++) {
            String prefix = "t" + t + " ";
            assertThat(written.stream().filter(l -> l.startsWith(prefix)).map(l -> Integer.parseInt(l.substring(3))))
                    .isSorted().hasSize(1_000);
        }
    }

    @Test
    void aStuckOutput_neverBlocksTheCaller_andTheLostLinesAreCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StringWriter sink = new StringWriter();
        Writer stuck = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sink.write(cbuf, off, len);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        BackgroundLines lines = new BackgroundLines(new PrintWriter(stuck));
        lines.add("first");
        Thread.sleep(200); // the writer thread now waits inside write("first")
        long start = System.nanoTime();
        for (int i = 0; i < BackgroundLines.CAPACITY + 10; i++) {
            lines.add("line " + i);
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(tookMs).as("adding never waited for the stuck output").isLessThan(10_000);
        release.countDown();
        lines.close();
        String out = sink.toString();
        assertThat(out).startsWith("first\n").contains("line 0\n")
                .contains("access log: 10 lines not written (the output did not keep up)");
    }
}
