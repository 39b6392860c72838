package org.jkeepalived.vrrp.packet;

/**
 * How a VRRPv3 checksum is computed (VRRPv2 never has a pseudo-header: RFC 3768 §5.3.8).
 * The instance picks the mode from its configuration; the codec only computes and verifies.
 */
public enum V3ChecksumMode {
    /**
     * RFC 5798 §5.2.8: over the IPv4 or IPv6 pseudo-header followed by the VRRP message. keepalived's default.
     */
    PSEUDO_HEADER,
    /**
     * keepalived's {@code v3_checksum_as_v2}: for IPv4, the checksum covers the VRRP message only, as in v2.
     * Interoperates with implementations that read RFC 9568 §5.2.8 / older Cisco and Juniper images that way.
     * IPv6 always uses the pseudo-header (the option only concerns IPv4). Note: keepalived 2.2.7 does not
     * know this keyword (it came later); the behaviour is as documented by newer keepalived.
     */
    AS_V2,
    /**
     * keepalived's {@code old_unicast_checksum}: keepalived before 1.3.6 computed the IPv4 unicast pseudo-header
     * with the multicast group 224.0.0.18 as destination instead of the real (unicast) destination. Verified by
     * observation of keepalived 2.2.7 with {@code old_unicast_checksum} (fixture v3-ipv4-old-unicast-checksum.hex).
     * IPv6 is unaffected. Deviation: the group is fixed to 224.0.0.18; a non-default {@code vrrp_mcast_group4}
     * with this option is not modelled.
     */
    OLD_UNICAST
}
