package org.jkeepalived.config.bind.global;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.model.global.GlobalDefs.SmtpSettings;
import org.jkeepalived.config.syntax.Node;

/** router_id and the e-mail keywords of global_defs. */
final class EmailSettingsBinder implements GlobalSection {
    /** Host names keepalived would hand to the resolver; we never resolve at load (no DNS in the loader). */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.*[A-Za-z])[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");

    private final Args args;
    private String routerId;
    private final List<String> emails = new ArrayList<>();
    private String from;
    private String server;
    private int port = 25;
    private String heloName;
    private long connectTimeoutMicros = 30_000_000L;
    private Boolean alert;
    private Boolean alertVrrp;
    private Boolean alertChecker;
    private boolean noEmailFaults;
    private boolean noCheckerEmails;
    private boolean checkerLogAllFailures;

    EmailSettingsBinder(Args args) {
        this.args = args;
    }

    @Override
    public boolean bind(Node n) {
        switch (n.keyword()) {
            case "router_id" -> {
                if (n.hasArg(0)) {
                    routerId = n.arg(0);
                } else {
                    args.error(n, "routerid name missing - ignoring");
                }
            }
            case "notification_email" -> notificationEmail(n);
            case "notification_email_from" -> {
                if (n.hasArg(0)) {
                    from = n.arg(0);
                } else {
                    args.error(n, "emailfrom missing - ignoring");
                }
            }
            case "smtp_server" -> smtpServer(n);
            case "smtp_helo_name" -> {
                // keepalived 2.2.7 accepts the bare keyword silently and keeps the host name.
                if (n.hasArg(0)) {
                    heloName = n.arg(0);
                }
            }
            case "smtp_connect_timeout" -> connectTimeout(n);
            case "smtp_alert" -> alert = Args.or(args.globalBool(n), alert);
            case "smtp_alert_vrrp" -> alertVrrp = Args.or(args.globalBool(n), alertVrrp);
            case "smtp_alert_checker" -> alertChecker = Args.or(args.globalBool(n), alertChecker);
            // A plain flag: keepalived ignores any words after it ("no_email_faults off" still sets it).
            case "no_email_faults" -> noEmailFaults = true;
            case "no_checker_emails" -> noCheckerEmails = Args.or(args.globalBool(n), noCheckerEmails);
            case "checker_log_all_failures" -> checkerLogAllFailures = Args.or(args.plainBool(n), checkerLogAllFailures);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Every word of every line is one recipient; "Name <addr>" must be quoted to stay one word. */
    private void notificationEmail(Node n) {
        if (!n.args().isEmpty()) {
            args.error(n, "Block notification_email has extra parameters " + n.arg(0) + " ...");
        }
        int before = emails.size();
        for (Node.Item item : n.items()) {
            emails.addAll(item.words());
        }
        if (emails.size() == before) {
            args.error(n, "Warning - empty notification_email block");
        }
    }

    private void smtpServer(Node n) {
        String host = args.required(n, 0);
        if (host == null) {
            return;
        }
        String portWord = n.hasArg(1) ? n.arg(1) : "25";
        Long p = args.unsigned(n, portWord, 1, 65535);
        if (p == null || !validHost(host)) {
            args.error(n, "Invalid smtp server " + host + " " + portWord);
            return;
        }
        server = literal(host).map(InetAddress::getHostAddress).orElse(host);
        port = p.intValue();
    }

    /** A literal address (an IPv6 scope is allowed and dropped, as keepalived prints it) or a host name. */
    private static boolean validHost(String host) {
        if (literal(host).isPresent()) {
            return true;
        }
        // Dotted numbers that are not an address would fail keepalived's resolver too.
        return !DOTTED_NUMBERS.matcher(host).matches() && host.indexOf(':') < 0 && HOST_NAME.matcher(host).matches();
    }

    private static Optional<InetAddress> literal(String host) {
        return Values.address(host);
    }

    private void connectTimeout(Node n) {
        String w = args.required(n, 0);
        if (w == null) {
            return;
        }
        Long v = args.unsigned(n, w, 0, 4294);
        if (v == null) {
            args.error(n, "smtp_connect_timeout '" + w + "' must be in [0, 4294] - ignoring");
            return;
        }
        if (v == 0) {
            args.error(n, "smtp_connect_timeout must be greater than 0, setting to 1");
            v = 1L;
        }
        connectTimeoutMicros = v * 1_000_000L;
    }

    String routerId(String hostname) {
        return routerId != null ? routerId : hostname;
    }

    SmtpSettings build(String hostname) {
        return new SmtpSettings(emails, from != null ? from : "root@" + hostname, server, port,
                heloName != null ? heloName : hostname, connectTimeoutMicros, alert, alertVrrp, alertChecker,
                noEmailFaults, noCheckerEmails, checkerLogAllFailures);
    }
}
