package org.jkeepalived.config.bind.global;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.jkeepalived.config.syntax.Node;

/**
 * The vrrp_* defaults of global_defs, plus default_interface, dynamic_interfaces, log_unknown_vrids and the
 * VMAC name prefixes. GARP values are resolved as keepalived 2.2.7 does after reading everything (observed
 * with {@code -d}): vrrp_min_garp changes the defaults of master delay (0), master repeat (1) and refresh
 * repeat (0), and the lower-priority delay/repeat default to the resolved master values, whatever the order
 * of the keywords.
 */
final class VrrpDefaultsBinder implements GlobalSection {
    private static final long SECOND = 1_000_000L;
    /** keepalived keeps these delays in a 32-bit count of microseconds: at most 4294 whole seconds. */
    private static final long MAX_DELAY_SECONDS = 4294;
    private static final long MAX_TIMER_MICROS = Args.UINT_MAX;

    private final Args args;
    private final VrrpDefaults d = VrrpDefaults.keepalivedDefaults();
    private int version = d.version();
    private InetAddress mcastGroup4 = d.mcastGroup4();
    private InetAddress mcastGroup6 = d.mcastGroup6();
    private String defaultInterface = d.defaultInterface();
    private boolean strict;
    private boolean checkUnicastSrc;
    private boolean skipCheckAdvAddr;
    private boolean lowerPrioNoAdvert;
    private boolean higherPrioSendAdvert;
    private int downTimerAdverts = d.downTimerAdverts();
    private Long garpMasterDelayMicros;
    private Integer garpMasterRepeat;
    private Long garpLowerPrioDelayMicros;
    private Integer garpLowerPrioRepeat;
    private long garpMasterRefreshMicros;
    private Integer garpMasterRefreshRepeat;
    private long garpIntervalMicros;
    private long gnaIntervalMicros;
    private boolean minGarp;
    private long garpExtraIfMicros;
    private boolean garpExtraIfAll;
    private long startupDelayMicros;
    private boolean v3ChecksumAsV2;
    private Boolean ownerIgnoreAdverts;
    private boolean notifyPriorityChanges;
    private boolean dynamicInterfaces;
    private boolean allowIfChanges;
    private long delayAfterBootMicros;
    private boolean logUnknownVrids;
    private String vmacPrefix;
    private String vmacAddrPrefix;

    VrrpDefaultsBinder(Args args) {
        this.args = args;
    }

    @Override
    public boolean bind(Node n) {
        switch (n.keyword()) {
            case "vrrp_mcast_group4" -> mcastGroup4 = mcastGroup(n, false, mcastGroup4);
            case "vrrp_mcast_group6" -> mcastGroup6 = mcastGroup(n, true, mcastGroup6);
            case "default_interface" -> {
                if (n.hasArg(0)) {
                    defaultInterface = n.arg(0);
                } else {
                    args.error(n, "default_interface requires interface name");
                }
            }
            case "vrrp_version" -> version(n);
            // Plain flags: keepalived 2.2.7 ignores any word after these ("vrrp_strict off" sets strict mode).
            case "vrrp_strict" -> strict = true;
            case "vrrp_check_unicast_src" -> checkUnicastSrc = true;
            case "vrrp_skip_check_adv_addr" -> skipCheckAdvAddr = true;
            case "log_unknown_vrids" -> logUnknownVrids = true;
            case "vrrp_lower_prio_no_advert" -> lowerPrioNoAdvert = Args.or(args.plainBool(n), lowerPrioNoAdvert);
            case "vrrp_higher_prio_send_advert" -> higherPrioSendAdvert = Args.or(args.plainBool(n), higherPrioSendAdvert);
            case "vrrp_notify_priority_changes" -> notifyPriorityChanges = Args.or(args.globalBool(n), notifyPriorityChanges);
            case "v3_checksum_as_v2" -> v3ChecksumAsV2 = Args.or(args.globalBool(n), v3ChecksumAsV2);
            case "vrrp_owner_ignore_adverts" -> ownerIgnoreAdverts = Args.or(args.globalBool(n), ownerIgnoreAdverts);
            case "vrrp_down_timer_adverts" -> {
                Long v = number(n, 1, 100, "Invalid vrrp_down_timer_adverts [1:100] '%s'");
                if (v != null) {
                    downTimerAdverts = v.intValue();
                }
            }
            case "vrrp_garp_master_delay" -> {
                Long v = number(n, 0, MAX_DELAY_SECONDS, "vrrp_garp_master_delay '%s' invalid - ignoring");
                if (v != null) {
                    garpMasterDelayMicros = v * SECOND;
                }
            }
            case "vrrp_garp_lower_prio_delay" -> {
                Long v = number(n, 0, MAX_DELAY_SECONDS, "vrrp_garp_lower_prio_delay '%s' invalid - ignoring");
                if (v != null) {
                    garpLowerPrioDelayMicros = v * SECOND;
                }
            }
            case "vrrp_garp_master_repeat" -> garpMasterRepeat = Args.or(atLeastOne(n), garpMasterRepeat);
            case "vrrp_garp_master_refresh_repeat" -> garpMasterRefreshRepeat = Args.or(atLeastOne(n), garpMasterRefreshRepeat);
            case "vrrp_garp_lower_prio_repeat" -> {
                Long v = number(n, 0, Args.UINT_MAX, "Invalid vrrp_garp_lower_prio_repeat '%s'");
                if (v != null) {
                    garpLowerPrioRepeat = clampInt(v);
                }
            }
            case "vrrp_garp_master_refresh" -> {
                Long v = number(n, 0, Args.UINT_MAX, "Invalid vrrp_garp_master_refresh '%s' - ignoring");
                if (v != null) {
                    garpMasterRefreshMicros = v * SECOND;
                }
            }
            case "vrrp_garp_interval" -> garpIntervalMicros = Args.or(timer(n, 1), garpIntervalMicros);
            case "vrrp_gna_interval" -> gnaIntervalMicros = Args.or(timer(n, 1), gnaIntervalMicros);
            case "vrrp_startup_delay" -> startupDelayMicros = Args.or(timer(n, 1000), startupDelayMicros);
            case "vrrp_delay_after_boot" -> {
                if (n.hasArg(0)) {
                    delayAfterBootMicros = Args.or(timer(n, 1000), delayAfterBootMicros);
                } else {
                    args.error(n, "vrrp_delay_after_boot requires a value");
                }
            }
            case "vrrp_min_garp" -> minGarp = Args.or(args.plainBool(n), minGarp);
            case "vrrp_garp_extra_if" -> garpExtraIf(n);
            case "dynamic_interfaces" -> {
                dynamicInterfaces = true;
                if (n.hasArg(0)) {
                    if (n.arg(0).equals("allow_if_changes")) {
                        allowIfChanges = true;
                    } else {
                        args.error(n, "Unknown dynamic_interfaces option '" + n.arg(0) + "'");
                    }
                }
            }
            case "vmac_prefix" -> vmacPrefix = prefix(n, vmacPrefix, "vmac prefix");
            case "vmac_addr_prefix" -> vmacAddrPrefix = prefix(n, vmacAddrPrefix, "vmac_addr prefix");
            default -> {
                return false;
            }
        }
        return true;
    }

    private static int clampInt(long v) {
        // keepalived counts in an unsigned int; nobody sends 2^31 ARPs, so saturate rather than wrap.
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    /** A required unsigned argument; out of range gives the generic line plus {@code message}. */
    private Long number(Node n, long min, long max, String message) {
        String w = args.required(n, 0);
        if (w == null) {
            return null;
        }
        Long v = args.unsigned(n, w, min, max);
        if (v == null) {
            args.error(n, String.format(message, w));
        }
        return v;
    }

    /** Repeat counts: 0 is raised to 1 with an error, as keepalived does. */
    private Integer atLeastOne(Node n) {
        Long v = number(n, 0, Args.UINT_MAX, n.written() + " '%s' invalid - ignoring");
        if (v == null) {
            return null;
        }
        if (v == 0) {
            args.error(n, n.written() + " must be greater than 0, setting to 1");
            return 1;
        }
        return clampInt(v);
    }

    private Long timer(Node n, long minMicros) {
        String w = args.required(n, 0);
        if (w == null) {
            return null;
        }
        Long v = args.timerMicros(n, w, minMicros, MAX_TIMER_MICROS);
        if (v == null) {
            args.error(n, n.written() + " '" + w + "' is invalid");
        }
        return v;
    }

    private InetAddress mcastGroup(Node n, boolean v6, InetAddress previous) {
        String w = args.required(n, 0);
        if (w == null) {
            return previous;
        }
        // A scope (ff02::12%eth0) is not accepted here.
        Optional<InetAddress> a = w.indexOf('%') >= 0 ? Optional.empty() : Values.address(w);
        String name = n.written();
        if (a.isEmpty()) {
            args.error(n, "Can't parse " + name + " [" + w + "]. Skipping");
        } else if (v6 ? !(a.get() instanceof Inet6Address) : !(a.get() instanceof Inet4Address)) {
            args.error(n, name + " [" + w + "] is not " + (v6 ? "IPv6" : "IPv4") + ". Skipping");
        } else if (!a.get().isMulticastAddress()) {
            args.error(n, name + " [" + w + "] is not multicast. Skipping");
        } else {
            return a.get();
        }
        return previous;
    }

    private void version(Node n) {
        String w = args.required(n, 0);
        if (w == null) {
            return;
        }
        Long v = args.unsigned(n, w, 2, 3);
        if (v == null) {
            args.error(n, "VRRP Error: Version must be either 2 or 3");
        } else {
            version = v.intValue();
        }
    }

    /**
     * {@code vrrp_garp_extra_if [all] SECS}: "all" may come before or after the period; any bad word makes
     * keepalived ignore the whole line. The old name vrrp_vmac_garp_intvl is reported as deprecated.
     */
    private void garpExtraIf(Node n) {
        if (!n.written().equals(n.keyword())) {
            args.error(n, "Keyword \"" + n.written() + "\" is deprecated - please use \"" + n.keyword() + "\"");
        }
        boolean all = false;
        Long seconds = null;
        for (String w : n.args()) {
            if (w.equals("all")) {
                all = true;
                continue;
            }
            Long v = args.unsigned(n, w, 1, 86400);
            if (v == null) {
                args.error(n, n.written() + " '" + w + "' invalid - ignoring");
                return;
            }
            seconds = v;
        }
        if (seconds == null) {
            args.error(n, n.written() + " specified without time - ignoring");
            return;
        }
        garpExtraIfMicros = seconds * SECOND;
        garpExtraIfAll = all;
    }

    private String prefix(Node n, String previous, String what) {
        String w = args.required(n, 0);
        if (w == null) {
            return previous;
        }
        if (previous != null) {
            args.error(n, what + " has already been specified - ignoring " + w);
            return previous;
        }
        return w;
    }

    VrrpDefaults build() {
        long masterDelay = garpMasterDelayMicros != null ? garpMasterDelayMicros : minGarp ? 0 : d.garpMasterDelayMicros();
        int masterRepeat = garpMasterRepeat != null ? garpMasterRepeat : minGarp ? 1 : d.garpMasterRepeat();
        int refreshRepeat = garpMasterRefreshRepeat != null ? garpMasterRefreshRepeat
                : minGarp ? 0 : d.garpMasterRefreshRepeat();
        String vmac = vmacPrefix != null ? vmacPrefix : VrrpDefaults.DEFAULT_VMAC_PREFIX;
        return new VrrpDefaults(version, mcastGroup4, mcastGroup6, defaultInterface, strict, checkUnicastSrc,
                skipCheckAdvAddr, lowerPrioNoAdvert, higherPrioSendAdvert, downTimerAdverts, masterDelay, masterRepeat,
                garpLowerPrioDelayMicros != null ? garpLowerPrioDelayMicros : masterDelay,
                garpLowerPrioRepeat != null ? garpLowerPrioRepeat : masterRepeat,
                garpMasterRefreshMicros, refreshRepeat, garpIntervalMicros, gnaIntervalMicros, minGarp,
                garpExtraIfMicros, garpExtraIfAll, startupDelayMicros, v3ChecksumAsV2, ownerIgnoreAdverts,
                notifyPriorityChanges, dynamicInterfaces, allowIfChanges, delayAfterBootMicros, logUnknownVrids,
                vmac, vmacAddrPrefix != null ? vmacAddrPrefix : vmac);
    }
}
