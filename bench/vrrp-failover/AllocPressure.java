import java.lang.instrument.Instrumentation;
import java.util.concurrent.locks.LockSupport;

/**
 * Bench-only Java agent (issue 4 soak): puts the daemon's JVM under allocation pressure without
 * touching product code. {@code -javaagent:alloc-pressure.jar=MBPS[,RETAIN_MB]} starts one daemon
 * thread that allocates MBPS MB/s of byte arrays (64 B to 16 KB, mostly dead at once) and keeps
 * every 64th in a ring of RETAIN_MB (default 32) MB, so that some garbage lives long enough to be
 * promoted or marked and the collector does real work, not only cheap young collections.
 */
public final class AllocPressure {
    /** Keeps the short-lived arrays reachable for a moment so escape analysis cannot remove them. */
    static volatile Object sink;

    public static void premain(String args, Instrumentation inst) {
        String[] a = args == null || args.isBlank() ? new String[0] : args.split(",");
        long bytesPerSec = (a.length > 0 ? Long.parseLong(a[0]) : 300) << 20;
        long retainBytes = (a.length > 1 ? Long.parseLong(a[1]) : 32) << 20;
        Thread t = new Thread(() -> run(bytesPerSec, retainBytes), "bench-alloc-pressure");
        t.setDaemon(true);
        t.start();
    }

    private static void run(long bytesPerSec, long retainBytes) {
        int ringSize = (int) Math.max(1, retainBytes / 8192); // mean retained array ~8 KB
        byte[][] ring = new byte[ringSize][];
        int ringPos = 0;
        long seed = 42;
        long sliceNanos = 10_000_000; // pace in 10 ms slices
        long perSlice = bytesPerSec / 100;
        long next = System.nanoTime();
        long n = 0;
        while (true) {
            long done = 0;
            while (done < perSlice) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int size = 64 + (int) ((seed >>> 33) % 16_320);
                byte[] b = new byte[size];
                b[size - 1] = (byte) n;
                if ((++n & 63) == 0) {
                    ring[ringPos] = b;
                    ringPos = (ringPos + 1) % ringSize;
                } else {
                    sink = b;
                }
                done += size + 16;
            }
            next += sliceNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -1_000_000_000L) {
                next = System.nanoTime(); // far behind (no CPU): do not try to catch up in a burst
            }
        }
    }

    private AllocPressure() {
    }
}
