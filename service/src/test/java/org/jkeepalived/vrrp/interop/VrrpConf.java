package org.jkeepalived.vrrp.interop;

import java.util.List;

/**
 * One {@code keepalived.conf} with a single instance {@code VI_1}, written for either daemon: jkeepalived reads
 * keepalived's language unchanged, so both peers of a pair get the same text but for router id, priority and
 * (unicast) addresses.
 *
 * @param version          2 or 3 (RFC 3768 / RFC 5798)
 * @param ipv6             the VIP (and so the instance) is IPv6; always v3 (RFC 5798 §5.1.2)
 * @param advertInt        keepalived's {@code advert_int} text, seconds ("1", "0.1")
 * @param authPass         {@code auth_type PASS} password (v2 only), or null for none
 * @param unicast          {@code unicast_src_ip} / {@code unicast_peer} (the other nodes) instead of multicast
 */
record VrrpConf(int version, boolean ipv6, String advertInt, String authPass, boolean unicast) {
    static final int VRID = 51;
    static final String VIP4 = "10.9.0.100";
    static final String VIP6 = "fd00:9::100";

    static VrrpConf v2(String authPass) {
        return new VrrpConf(2, false, "1", authPass, false);
    }

    static VrrpConf v3(String advertInt) {
        return new VrrpConf(3, false, advertInt, null, false);
    }

    static VrrpConf v3Ipv6(String advertInt) {
        return new VrrpConf(3, true, advertInt, null, false);
    }

    VrrpConf withUnicast() {
        return new VrrpConf(version, ipv6, advertInt, authPass, true);
    }

    /** The VIP as {@code ip -br addr} shows it. */
    String vipWithPrefix() {
        return ipv6 ? VIP6 + "/64" : VIP4 + "/24";
    }

    double advertIntSeconds() {
        return Double.parseDouble(advertInt);
    }

    /** Master_Down_Interval = 3 × Advertisement_Interval + Skew_Time (RFC 3768 §6.1, RFC 5798 §6.1). */
    long masterDownMillis(int priority) {
        double adv = advertIntSeconds();
        double skew = version == 2 ? (256 - priority) / 256.0 : (256 - priority) * adv / 256.0;
        return Math.round((3 * adv + skew) * 1000);
    }

    /** Skew_Time: how long a backup waits after a priority-0 advert (RFC 3768 §6.4.2, RFC 5798 §6.4.2). */
    long skewMillis(int priority) {
        double adv = advertIntSeconds();
        return Math.round((version == 2 ? (256 - priority) / 256.0 : (256 - priority) * adv / 256.0) * 1000);
    }

    /** The configuration text for a node; {@code srcIp} and {@code peers} are used only when unicast. */
    String render(String routerId, String ifName, int priority, String srcIp, List<String> peers) {
        StringBuilder b = new StringBuilder();
        b.append("global_defs {\n  router_id ").append(routerId).append("\n}\n");
        b.append("vrrp_instance VI_1 {\n");
        b.append("  state BACKUP\n");
        b.append("  interface ").append(ifName).append('\n');
        b.append("  virtual_router_id ").append(VRID).append('\n');
        b.append("  version ").append(version).append('\n');
        b.append("  priority ").append(priority).append('\n');
        b.append("  advert_int ").append(advertInt).append('\n');
        if (authPass != null) {
            b.append("  authentication {\n    auth_type PASS\n    auth_pass ").append(authPass).append("\n  }\n");
        }
        if (unicast) {
            b.append("  unicast_src_ip ").append(srcIp).append('\n');
            b.append("  unicast_peer {\n");
            for (String p : peers) {
                b.append("    ").append(p).append('\n');
            }
            b.append("  }\n");
        }
        b.append("  virtual_ipaddress {\n    ").append(vipWithPrefix()).append("\n  }\n");
        b.append("}\n");
        return b.toString();
    }

    @Override
    public String toString() {
        return "v" + version + (ipv6 ? " IPv6" : " IPv4") + (unicast ? " unicast" : " multicast")
                + (authPass != null ? " PASS" : "") + " advert_int " + advertInt;
    }
}
