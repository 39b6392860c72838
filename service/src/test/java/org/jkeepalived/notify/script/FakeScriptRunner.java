package org.jkeepalived.notify.script;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.os.process.ScriptRunner;

/**
 * A {@link ScriptRunner} that runs nothing: it records each call's full argv and, for scripts that
 * {@link #hangWhen} matches, pretends they keep running until {@link #finish} or terminate.
 */
public final class FakeScriptRunner implements ScriptRunner {
    /** One call: the argv as the process would see it, whether by run or start, and the timeout given. */
    public record Call(List<String> argv, boolean started, Duration timeout, long pid) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final List<FakeRunning> runningList = new CopyOnWriteArrayList<>();
    private final AtomicLong pids = new AtomicLong(1000);
    private volatile Predicate<List<String>> hang = argv -> false;
    private volatile ScriptResult runResult = ScriptResult.exited(0);
    private volatile String refuseProgram;

    public void hangWhen(Predicate<List<String>> p) {
        hang = p;
    }

    public void runResult(ScriptResult r) {
        runResult = r;
    }

    /** start() of this program throws IOException (as for a missing file). */
    public void refuse(String program) {
        refuseProgram = program;
    }

    static List<String> argv(ScriptCommand c, List<String> extra) {
        List<String> a = new ArrayList<>(c.argv());
        a.addAll(extra);
        return List.copyOf(a);
    }

    public List<List<String>> argvs() {
        return calls.stream().map(Call::argv).toList();
    }

    @Override
    public ScriptResult run(ScriptCommand command, List<String> extraArgs, Duration timeout) {
        calls.add(new Call(argv(command, extraArgs), false, timeout, pids.incrementAndGet()));
        return runResult;
    }

    @Override
    public Running start(ScriptCommand command, List<String> extraArgs) throws IOException {
        List<String> a = argv(command, extraArgs);
        if (command.program().equals(refuseProgram)) {
            throw new IOException("No such file or directory");
        }
        long pid = pids.incrementAndGet();
        calls.add(new Call(a, true, null, pid));
        FakeRunning r = new FakeRunning(pid, a, hang.test(a));
        runningList.add(r);
        return r;
    }

    /** Ends every hanging script whose argv contains {@code word}. */
    public void finish(String word) {
        for (FakeRunning r : runningList) {
            if (r.argv.contains(word)) {
                r.alive = false;
            }
        }
    }

    public static final class FakeRunning implements Running {
        final long pid;
        final List<String> argv;
        volatile boolean alive;
        public volatile boolean terminated;

        FakeRunning(long pid, List<String> argv, boolean alive) {
            this.pid = pid;
            this.argv = argv;
            this.alive = alive;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public void terminate() {
            terminated = true;
            alive = false;
        }
    }
}
