package org.jkeepalived.snmp;

import org.jkeepalived.config.model.global.GlobalDefs;

/**
 * Which MIB parts are served and whether notifications go out, as keepalived decides it: the
 * {@code enable_snmp_*} keywords, and {@code -x}, which turns on all four MIB parts but not traps.
 *
 * @param keepalivedVrrp    KEEPALIVED-MIB vrrp subtree (…9586.100.5.2) and the global scalars (…5.1)
 * @param keepalivedChecker KEEPALIVED-MIB check subtree (…9586.100.5.3) and the global scalars (…5.1)
 * @param rfcV2             VRRP-MIB (RFC 2787, 1.3.6.1.2.1.68)
 * @param rfcV3             VRRPv3-MIB (RFC 6527, 1.3.6.1.2.1.207)
 * @param traps             enable_traps
 */
public record Served(boolean keepalivedVrrp, boolean keepalivedChecker, boolean rfcV2, boolean rfcV3, boolean traps) {

    public static Served of(GlobalDefs.SnmpSettings s, boolean dashX) {
        return new Served(dashX || s.enableVrrp(), dashX || s.enableChecker(), dashX || s.enableRfcV2(),
                dashX || s.enableRfcV3(), s.enableTraps());
    }

    /**
     * Only the parts of the subsystems that run: keepalived's VRRP child serves the vrrp subtree and the RFC MIBs,
     * its checker child the check subtree, so {@code -P} (VRRP only) serves no check subtree and {@code -C}
     * (checkers only) neither the vrrp subtree nor the RFC MIBs. The global scalars follow either part.
     */
    public Served runningOnly(boolean vrrpRuns, boolean checkersRun) {
        return new Served(keepalivedVrrp && vrrpRuns, keepalivedChecker && checkersRun, rfcV2 && vrrpRuns,
                rfcV3 && vrrpRuns, traps);
    }

    /**
     * JKEEPALIVED-MIB (split brain: VRRP only), served with any VRRP part, and its notification with
     * {@code enable_traps} too. Not a keepalived keyword of its own: jkeepalived's objects follow keepalived's.
     */
    public boolean jkeepalived() {
        return keepalivedVrrp || rfcV2 || rfcV3;
    }

    /** Whether the agent runs at all. */
    public boolean any() {
        return keepalivedVrrp || keepalivedChecker || rfcV2 || rfcV3 || traps;
    }
}
