package org.jkeepalived.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with its own stdout and stderr, an optional environment and stdin. */
record Cmd(List<String> command, Map<String, String> env, String stdin) {

    record Result(int exitCode, String out, String err) {
        String both() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Cmd of(String... command) {
        return new Cmd(List.of(command), Map.of(), null);
    }

    static Cmd of(List<String> command) {
        return new Cmd(List.copyOf(command), Map.of(), null);
    }

    Cmd env(Map<String, String> extra) {
        return new Cmd(command, extra, stdin);
    }

    Result run(long timeoutSeconds) {
        try {
            Path out = Files.createTempFile("jk-pkg-out", ".txt");
            Path err = Files.createTempFile("jk-pkg-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().putAll(env);
                if (stdin == null) {
                    pb.redirectInput(new File("/dev/null"));
                }
                Process p = pb.start();
                if (stdin != null) {
                    try (var in = p.getOutputStream()) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new IllegalStateException("timed out after " + timeoutSeconds + " s (killed): " + command
                            + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs it and fails with its output unless it exits 0. */
    Result ok(long timeoutSeconds) {
        Result r = run(timeoutSeconds);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + r);
        }
        return r;
    }
}
