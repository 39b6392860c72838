package org.jkeepalived.daemon;

import java.nio.file.Path;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.ModelJson;
import org.jkeepalived.config.source.ReaderOptions;
import org.jkeepalived.os.LocalSystemView;

/** Minimal entry point: {@code -t [-f FILE] [-i ID]} and {@code --dump-conf}. The full CLI replaces it. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String file = "/etc/keepalived/keepalived.conf";
        boolean test = false;
        boolean dump = false;
        LocalSystemView system = new LocalSystemView();
        String id = system.hostname();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-f" -> file = args[++i];
                case "-i" -> id = args[++i];
                case "-t" -> test = true;
                case "--dump-conf", "-d" -> dump = true;
                default -> {
                    System.err.println("jkeepalived: unknown option '" + args[i] + "'");
                    System.exit(2);
                }
            }
        }
        LoadResult r = new ConfigLoader(system, ReaderOptions.of(id)).load(Path.of(file));
        for (Diagnostic d : r.diagnostics()) {
            System.err.println(d.format());
        }
        if (dump) {
            System.out.print(ModelJson.write(r.config()));
        }
        System.exit(test ? r.exitCode() : 0);
    }
}
