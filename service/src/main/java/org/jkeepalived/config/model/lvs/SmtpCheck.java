package org.jkeepalived.config.model.lvs;

/**
 * {@code SMTP_CHECK}: connect, read the 220 banner, HELO, QUIT. Each legacy {@code host {}} block
 * becomes a checker of its own, as keepalived does.
 *
 * @param kind     always {@value #KIND}
 * @param heloName {@code helo_name} (smtpchecker.keepalived.org)
 */
public record SmtpCheck(String kind, CheckerTiming timing, CheckerConnection connection, String heloName)
        implements Checker.NetworkChecker {
    public static final String KIND = "SMTP_CHECK";
    public static final String DEFAULT_HELO = "smtpchecker.keepalived.org";

    public SmtpCheck {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public SmtpCheck(CheckerTiming timing, CheckerConnection connection, String heloName) {
        this(KIND, timing, connection, heloName);
    }
}
