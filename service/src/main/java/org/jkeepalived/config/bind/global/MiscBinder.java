package org.jkeepalived.config.bind.global;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.config.model.global.GlobalDefs.DumpSettings;
import org.jkeepalived.config.model.global.GlobalDefs.MiscSettings;
import org.jkeepalived.config.model.global.GlobalDefs.ReloadSettings;
import org.jkeepalived.config.syntax.Node;

/**
 * Reload management, dump files, umask, random_seed, include_check and the iproute directories.
 */
final class MiscBinder implements GlobalSection {
    private static final Map<String, Integer> UMASK_BITS = Map.ofEntries(
            Map.entry("IRUSR", 0400), Map.entry("IWUSR", 0200), Map.entry("IXUSR", 0100),
            Map.entry("IRGRP", 040), Map.entry("IWGRP", 020), Map.entry("IXGRP", 010),
            Map.entry("IROTH", 04), Map.entry("IWOTH", 02), Map.entry("IXOTH", 01),
            // IRWX{U,G,O} were added after 2.2.7 (keepalived.conf(5) of HEAD); 2.2.7 rejects them.
            Map.entry("IRWXU", 0700), Map.entry("IRWXG", 070), Map.entry("IRWXO", 07));
    private static final Pattern UMASK_NUMBER = Pattern.compile("0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*");
    private static final List<String> INCLUDE_CHECKS = List.of("readable", "match", "wildcard_match", "brace_match");
    private static final Pattern INCLUDE_CHECK = Pattern.compile("([+-]?)(.*)");

    private final Args args;
    private final ProcessBinder process;
    private boolean checkConfig;
    private String checkConfigLogFile;
    private String timeFile;
    private boolean repeat;
    private boolean reloadFileBare;
    private String reloadFile;
    private String configSaveDir;
    private String tmpConfigDirectory;
    private boolean dataUseInstance;
    private String stateDumpFile;
    private String statsDumpFile;
    private String jsonDumpFile;
    private int jsonVersion = 1;
    private int umask = MiscSettings.DEFAULT_UMASK;
    private Long randomSeed;
    private final Set<String> includeChecks = new LinkedHashSet<>();
    private String iprouteUsrDir;
    private String iprouteEtcDir;

    MiscBinder(Args args, ProcessBinder process) {
        this.args = args;
        this.process = process;
    }

    @Override
    public boolean bind(Node n) {
        switch (n.keyword()) {
            case "reload_check_config" -> {
                checkConfig = true;
                checkConfigLogFile = n.hasArg(0) ? n.arg(0) : "/dev/null";
            }
            case "reload_time_file" -> {
                if (n.args().size() != 1) {
                    args.error(n, "reload_time_file invalid");
                } else {
                    timeFile = n.arg(0);
                }
            }
            case "reload_repeat" -> repeat = true;
            case "reload_file" -> {
                reloadFileBare = !n.hasArg(0);
                reloadFile = n.hasArg(0) ? n.arg(0) : null;
            }
            case "config_save_dir" -> configSaveDir(n);
            case "tmp_config_directory" -> {
                if (!n.hasArg(0)) {
                    args.error(n, "tmp_config_directory missing directory name");
                } else if (tmpConfigDirectory != null) {
                    args.error(n, "tmp_config_directory already specified - ignoring");
                } else {
                    tmpConfigDirectory = n.arg(0);
                }
            }
            case "data_use_instance" -> dataUseInstance = Args.or(args.globalBool(n), dataUseInstance);
            case "state_dump_file" -> stateDumpFile = path(n, stateDumpFile);
            case "stats_dump_file" -> statsDumpFile = path(n, statsDumpFile);
            case "json_dump_file" -> jsonDumpFile = path(n, jsonDumpFile);
            case "json_version" -> {
                Long v = n.hasArg(0) ? args.unsigned(n, n.arg(0), 1, 2) : null;
                if (v == null) {
                    args.error(n, "json_version must be 1 or 2 - ignoring");
                } else {
                    jsonVersion = v.intValue();
                }
            }
            case "iproute_usr_dir" -> iprouteUsrDir = path(n, iprouteUsrDir);
            case "iproute_etc_dir" -> iprouteEtcDir = path(n, iprouteEtcDir);
            case "umask" -> umask(n);
            case "random_seed" -> {
                String w = args.required(n, 0);
                Long v = w == null ? null : args.unsigned(n, w, 0, Args.UINT_MAX);
                if (w != null && v == null) {
                    args.error(n, "random_seed " + w + " invalid");
                } else if (v != null) {
                    randomSeed = v;
                }
            }
            case "include_check" -> includeCheck(n);
            default -> {
                return false;
            }
        }
        return true;
    }

    private String path(Node n, String previous) {
        if (!n.hasArg(0)) {
            args.error(n, n.written() + " requires a path - ignoring");
            return previous;
        }
        return n.arg(0);
    }

    /** keepalived creates the directory at load; it fails when the parent does not exist. */
    private void configSaveDir(Node n) {
        String w = args.required(n, 0);
        if (w == null) {
            return;
        }
        Path p = Path.of(w);
        Path parent = p.getParent();
        if (p.isAbsolute() && parent != null && args.ctx().system().stat(p).isEmpty()
                && args.ctx().system().stat(parent).isEmpty()) {
            args.error(n, "Unable to create config_save_dir " + w + " (error 2 - No such file or directory)");
            return;
        }
        configSaveDir = w;
    }

    /**
     * A number (hex, octal or decimal, at most 0777, alone on the line) or bit names joined by '|'
     * ({@code IWGRP | IWOTH}); two names without '|' between them are a syntax error.
     */
    private void umask(Node n) {
        String first = args.required(n, 0);
        if (first == null) {
            return;
        }
        if (Character.isDigit(first.charAt(0))) {
            if (!UMASK_NUMBER.matcher(first).matches() || Long.decode(first) > 0777) {
                args.error(n, "invalid umask value " + first);
            } else if (n.args().size() > 1) {
                args.error(n, "Extra parameter(s) to umask option");
            } else {
                umask = Long.decode(first).intValue();
            }
            return;
        }
        int bits = 0;
        boolean needBar = false;
        Matcher m = Pattern.compile("\\||[^|\\s]+").matcher(String.join(" ", n.args()));
        while (m.find()) {
            String t = m.group();
            if (t.equals("|")) {
                if (!needBar) {
                    args.error(n, "Unknown umask bit |");
                    return;
                }
                needBar = false;
                continue;
            }
            if (needBar) {
                args.error(n, "Invalid umask syntax " + t);
                return;
            }
            Integer b = UMASK_BITS.get(t);
            if (b == null) {
                args.error(n, "Unknown umask bit " + t);
                return;
            }
            bits |= b;
            needBar = true;
        }
        if (!needBar) {
            args.error(n, "Unknown umask bit " + String.join(" ", n.args()));
            return;
        }
        umask = bits;
    }

    /** No option means all of them; '+' adds and '-' removes (a bare name adds). */
    private void includeCheck(Node n) {
        if (n.args().isEmpty()) {
            includeChecks.addAll(INCLUDE_CHECKS);
            return;
        }
        for (String w : n.args()) {
            Matcher m = INCLUDE_CHECK.matcher(w);
            m.matches();
            if (!INCLUDE_CHECKS.contains(m.group(2))) {
                args.error(n, "Unknown include_check type '" + m.group(2) + "' - ignoring");
            } else if (m.group(1).equals("-")) {
                includeChecks.remove(m.group(2));
            } else {
                includeChecks.add(m.group(2));
            }
        }
    }

    private static String dumpFile(String configured, String name) {
        if (configured == null) {
            return "/tmp/" + name;
        }
        return configured.endsWith("/") ? configured + name : configured;
    }

    ReloadSettings reload() {
        String file = reloadFileBare ? process.pidDir() + "keepalived.reload" : reloadFile;
        return new ReloadSettings(checkConfig, checkConfigLogFile, timeFile, repeat, file, configSaveDir,
                tmpConfigDirectory);
    }

    DumpSettings dumps() {
        return new DumpSettings(dumpFile(stateDumpFile, "keepalived.data"), dumpFile(statsDumpFile, "keepalived.stats"),
                dumpFile(jsonDumpFile, "keepalived.json"), dataUseInstance, jsonVersion);
    }

    MiscSettings misc() {
        return new MiscSettings(umask, randomSeed, List.copyOf(includeChecks), iprouteUsrDir, iprouteEtcDir);
    }
}
