package org.jkeepalived.vrrp.packet;

/**
 * Why a received VRRP packet was dropped. Every reason has one counter; together they are the receive
 * statistics of VRRP-MIB (RFC 2787 vrrpRouterStatsTable and the router-wide error scalars) and
 * VRRPv3-MIB (RFC 6527 vrrpv3StatisticsTable), which the management plane serves. The codec reports
 * the packet-only reasons; the state machine the instance-dependent ones.
 */
public enum DropReason {
    /** Shorter than the fixed header, or than Count IPvX Addr (and v2 auth data) require. vrrpStatsPacketLengthErrors. */
    PACKET_LENGTH("vrrpStatsPacketLengthErrors", "vrrpv3StatisticsPacketLengthErrors"),
    /** IPv4 TTL / IPv6 Hop Limit not 255 (multicast), or outside a unicast peer's range. vrrpStatsIpTtlErrors. */
    IP_TTL("vrrpStatsIpTtlErrors", "vrrpv3StatisticsIpTtlErrors"),
    /** Version field not 2 or 3, or not the instance's version. vrrpRouterVersionErrors. */
    VERSION("vrrpRouterVersionErrors", "vrrpv3StatisticsProtoErrReason(versionError)"),
    /** Type field not 1 (ADVERTISEMENT). vrrpStatsInvalidTypePktsRcvd. */
    INVALID_TYPE("vrrpStatsInvalidTypePktsRcvd", "vrrpv3StatisticsRcvdInvalidTypePackets"),
    /** Checksum does not verify (v3 with or without the pseudo-header per v3_checksum_as_v2). vrrpRouterChecksumErrors. */
    CHECKSUM("vrrpRouterChecksumErrors", "vrrpv3StatisticsProtoErrReason(checksumError)"),
    /** No instance has this VRID on the receiving interface and family. vrrpRouterVrIdErrors. */
    VRID("vrrpRouterVrIdErrors", "vrrpv3StatisticsProtoErrReason(vrIdError)"),
    /** v2 auth type unknown (not 0, 1, 2). vrrpStatsInvalidAuthType. */
    INVALID_AUTH_TYPE("vrrpStatsInvalidAuthType", null),
    /** v2 auth type differs from the instance's. vrrpStatsAuthTypeMismatch. */
    AUTH_TYPE_MISMATCH("vrrpStatsAuthTypeMismatch", null),
    /** v2 simple password wrong. vrrpStatsAuthFailures. */
    AUTH_FAILURE("vrrpStatsAuthFailures", null),
    /** v2 advert interval differs from the instance's (RFC 3768 §7.1). vrrpStatsAdvertiseIntervalErrors. */
    ADVERT_INTERVAL("vrrpStatsAdvertiseIntervalErrors", "vrrpv3StatisticsAdvIntervalErrors"),
    /** Address list does not match (counted; keepalived still processes the advert). vrrpStatsAddressListErrors. */
    ADDRESS_LIST("vrrpStatsAddressListErrors", "vrrpv3StatisticsAddressListErrors"),
    /** Unicast/multicast mismatch, or a unicast source that is not a configured peer (check_unicast_src). */
    UNICAST_SOURCE(null, null),
    /** The address owner (priority 255) ignoring adverts (owner_ignore_adverts / strict). */
    OWNER_IGNORES(null, null),
    /** Our own advert looped back (source is one of our addresses). */
    OWN_PACKET(null, null),
    /**
     * The IPv4 header around the advert is malformed (version not 4, header length, total length) or its
     * protocol is not 112. The kernel normally filters these; counted apart so that they never pose as
     * VRRP errors. No MIB counter.
     */
    IP_HEADER(null, null);

    private final String rfc2787Counter;
    private final String rfc6527Counter;

    DropReason(String rfc2787Counter, String rfc6527Counter) {
        this.rfc2787Counter = rfc2787Counter;
        this.rfc6527Counter = rfc6527Counter;
    }

    /** The VRRP-MIB (RFC 2787) object this reason is counted in, or null when it has none. */
    public String rfc2787Counter() {
        return rfc2787Counter;
    }

    /** The VRRPv3-MIB (RFC 6527) object this reason is counted in, or null when it has none. */
    public String rfc6527Counter() {
        return rfc6527Counter;
    }
}
