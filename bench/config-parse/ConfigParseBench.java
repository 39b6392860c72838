import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.source.ReaderOptions;
import org.jkeepalived.os.LocalSystemView;

/**
 * In-process parse benchmark (issue 3): loads FILE once cold, then RUNS times warm, and reports the
 * cold time, the warm min/median, and the peak heap of the cold load.
 * Run by bench/config-parse/run.sh; prints one "key=value" per line.
 */
public final class ConfigParseBench {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ConfigLoader loader = new ConfigLoader(new LocalSystemView(), ReaderOptions.of("bench"));

        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        long baseline = heapUsed();
        long t0 = System.nanoTime();
        LoadResult r = loader.load(file);
        long coldNanos = System.nanoTime() - t0;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.println("exit_code=" + r.exitCode());
        System.out.println("diagnostics=" + r.diagnostics().size());
        System.out.println("cold_ms=" + ms(coldNanos));
        System.out.println("peak_heap_mb=" + String.format("%.1f", peak / 1048576.0));
        System.out.println("heap_before_mb=" + String.format("%.1f", baseline / 1048576.0));

        long[] warm = new long[runs];
        for (int i = 0; i < 5; i++) {
            loader.load(file);
        }
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            loader.load(file);
            warm[i] = System.nanoTime() - s;
        }
        Arrays.sort(warm);
        System.out.println("warm_min_ms=" + ms(warm[0]));
        System.out.println("warm_median_ms=" + ms(warm[runs / 2]));
        System.gc();
        System.out.println("retained_heap_mb=" + String.format("%.1f", heapUsed() / 1048576.0));
        // keep the model reachable until the retained figure is taken
        System.out.println("model_instances_hash=" + Integer.toHexString(System.identityHashCode(r.config())));
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
