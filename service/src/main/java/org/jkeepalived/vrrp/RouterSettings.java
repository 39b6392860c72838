package org.jkeepalived.vrrp;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.jkeepalived.config.model.vrrp.Authentication;
import org.jkeepalived.config.model.vrrp.InitialState;
import org.jkeepalived.config.model.vrrp.UnicastPeer;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VrrpInstance;

/**
 * The immutable inputs of one {@link VirtualRouter}, so the engine does not depend on parsing details.
 * Built from the config model by {@link #from}, or in tests by {@link #builder}.
 *
 * @param name                  instance name (for log lines)
 * @param vrid                  Virtual Router ID
 * @param version               2 or 3
 * @param primaryAddress        our advert source (unicast_src_ip / mcast_src_ip or the interface's primary
 *                              address): compared for tie-breaks (RFC 5798 §6.4.3) and to spot our own adverts
 * @param basePriority          configured priority 1..255 (255: address owner)
 * @param wantMaster            {@code state MASTER}: only a wish (keepalived c.1)
 * @param advertIntervalCentis  Advertisement_Interval in centiseconds (v2: a multiple of 100)
 * @param authType              v2 auth type: 0 none, 1 simple password, 2 IP AH (verified by the I/O layer)
 * @param authPassword          v2 simple password as the 8 bytes on the wire (zero padded); empty otherwise
 * @param advertisedAddresses   the VIPs as carried in adverts (address list check)
 * @param virtualAddresses      VIPs then eVIPs: what MASTER adds and GARPs
 * @param unicastPeers          unicast peers (empty: multicast)
 * @param checkUnicastSrc       accept unicast adverts only from a peer, within its TTL range
 * @param nopreempt             do not preempt a lower-priority master
 * @param preemptDelayNanos     preempt_delay (0: none)
 * @param lowerPrioNoAdvert     MASTER does not answer a lower-priority advert with its own
 * @param higherPrioSendAdvert  MASTER sends one advert before yielding to a higher priority
 * @param downTimerAdverts      adverts missed before master down (3 per RFC)
 * @param skipCheckAdvAddr      skip the address list check for adverts from the same master
 * @param ownerIgnoreAdverts    an address owner drops every received advert
 * @param dontTrackPrimary      primary interface link state is ignored
 * @param garpMasterDelayNanos  delay of the second GARP burst after becoming MASTER (0: none)
 * @param garpMasterRepeat      GARPs per burst on becoming MASTER
 * @param garpMasterRefreshNanos periodic GARP while MASTER (0: off)
 * @param garpMasterRefreshRepeat GARPs per refresh
 * @param garpLowerPrioDelayNanos delay of the second burst after a lower-priority advert (0: none)
 * @param garpLowerPrioRepeat   GARPs after a lower-priority advert while MASTER (0: none)
 */
public record RouterSettings(String name, int vrid, int version, InetAddress primaryAddress, int basePriority,
                             boolean wantMaster, int advertIntervalCentis, int authType, byte[] authPassword,
                             List<InetAddress> advertisedAddresses, List<VirtualAddress> virtualAddresses,
                             List<UnicastPeer> unicastPeers, boolean checkUnicastSrc, boolean nopreempt,
                             long preemptDelayNanos, boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert,
                             int downTimerAdverts, boolean skipCheckAdvAddr, boolean ownerIgnoreAdverts,
                             boolean dontTrackPrimary, long garpMasterDelayNanos, int garpMasterRepeat,
                             long garpMasterRefreshNanos, int garpMasterRefreshRepeat, long garpLowerPrioDelayNanos,
                             int garpLowerPrioRepeat) {
    public static final int OWNER_PRIORITY = 255;

    public RouterSettings {
        authPassword = authPassword.clone();
        advertisedAddresses = List.copyOf(advertisedAddresses);
        virtualAddresses = List.copyOf(virtualAddresses);
        unicastPeers = List.copyOf(unicastPeers);
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version " + version);
        }
        if (basePriority < 1 || basePriority > 255 || advertIntervalCentis < 1 || downTimerAdverts < 1) {
            throw new IllegalArgumentException("priority " + basePriority + ", interval " + advertIntervalCentis
                    + "cs, down_timer_adverts " + downTimerAdverts);
        }
    }

    /** These settings with a new base priority and/or preempt mode (null: unchanged): an SNMP or JMX SET. */
    public RouterSettings adjusted(Integer newBasePriority, Boolean preempt) {
        return new RouterSettings(name, vrid, version, primaryAddress,
                newBasePriority == null ? basePriority : newBasePriority, wantMaster, advertIntervalCentis, authType,
                authPassword, advertisedAddresses, virtualAddresses, unicastPeers, checkUnicastSrc,
                preempt == null ? nopreempt : !preempt, preemptDelayNanos, lowerPrioNoAdvert, higherPrioSendAdvert,
                downTimerAdverts, skipCheckAdvAddr, ownerIgnoreAdverts, dontTrackPrimary, garpMasterDelayNanos,
                garpMasterRepeat, garpMasterRefreshNanos, garpMasterRefreshRepeat, garpLowerPrioDelayNanos,
                garpLowerPrioRepeat);
    }

    @Override
    public byte[] authPassword() {
        return authPassword.clone();
    }

    public boolean addressOwner() {
        return basePriority == OWNER_PRIORITY;
    }

    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }

    /**
     * The settings of one model instance. {@code primaryAddress} is the instance's source address when the
     * model names none (the interface's primary address, known only at run time). The model already holds
     * every default resolved from global_defs; {@code defaults} only fills what the model may leave unset.
     */
    public static RouterSettings from(VrrpInstance in, VrrpDefaults defaults, InetAddress primaryAddress) {
        InetAddress source = in.srcIp() != null ? in.srcIp() : primaryAddress;
        Authentication auth = in.authentication() == null ? Authentication.none() : in.authentication();
        int authType = in.version() != 2 ? 0 : switch (auth.type()) {
            case NONE -> 0;
            case PASS -> 1;
            case AH -> 2;
        };
        byte[] password = new byte[0];
        if (authType == 1) {
            // RFC 3768 §5.3.10: up to 8 octets, zero padded; keepalived keeps the first 8 characters.
            password = Arrays.copyOf(auth.password() == null ? new byte[0]
                    : auth.password().getBytes(StandardCharsets.UTF_8), 8);
        }
        List<InetAddress> advertised = new ArrayList<>();
        in.virtualIpaddresses().forEach(v -> advertised.add(v.address().address()));
        List<VirtualAddress> all = new ArrayList<>(in.virtualIpaddresses());
        all.addAll(in.virtualIpaddressesExcluded());
        int downTimerAdverts = in.downTimerAdverts() > 0 ? in.downTimerAdverts() : defaults.downTimerAdverts();
        return new RouterSettings(in.name(), in.virtualRouterId(), in.version(), source, in.priority(),
                in.state() == InitialState.MASTER, (int) Math.max(1, in.advertIntervalMicros() / 10_000),
                authType, password, advertised, all, in.unicastPeers(), in.checkUnicastSrc(), in.nopreempt(),
                in.preemptDelayMicros() * 1_000, in.lowerPrioNoAdvert(), in.higherPrioSendAdvert(), downTimerAdverts,
                in.skipCheckAdvAddr(), in.ownerIgnoreAdverts(), in.dontTrackPrimary(),
                in.garp().masterDelayMicros() * 1_000, in.garp().masterRepeat(),
                in.garp().masterRefreshMicros() * 1_000, in.garp().masterRefreshRepeat(),
                in.garp().lowerPrioDelayMicros() * 1_000, in.garp().lowerPrioRepeat());
    }

    /** A builder with keepalived's defaults (v2, priority 100, advert_int 1 s, 5 GARPs now and 5 after 5 s). */
    public static Builder builder(String name, int vrid, InetAddress primaryAddress) {
        return new Builder(name, vrid, primaryAddress);
    }

    /** Mutable builder, mainly for tests and the simulation. */
    public static final class Builder {
        private final String name;
        private final int vrid;
        private final InetAddress primaryAddress;
        private int version = 2;
        private int priority = 100;
        private boolean wantMaster;
        private int advertIntervalCentis = 100;
        private int authType;
        private byte[] authPassword = new byte[0];
        private List<InetAddress> advertised = List.of();
        private List<VirtualAddress> virtualAddresses = List.of();
        private List<UnicastPeer> unicastPeers = List.of();
        private boolean checkUnicastSrc;
        private boolean nopreempt;
        private long preemptDelayNanos;
        private boolean lowerPrioNoAdvert;
        private boolean higherPrioSendAdvert;
        private int downTimerAdverts = 3;
        private boolean skipCheckAdvAddr;
        private boolean ownerIgnoreAdverts;
        private boolean dontTrackPrimary;
        private long garpMasterDelayNanos = 5_000_000_000L;
        private int garpMasterRepeat = 5;
        private long garpMasterRefreshNanos;
        private int garpMasterRefreshRepeat = 1;
        private long garpLowerPrioDelayNanos = 5_000_000_000L;
        private int garpLowerPrioRepeat = 5;

        private Builder(String name, int vrid, InetAddress primaryAddress) {
            this.name = name;
            this.vrid = vrid;
            this.primaryAddress = primaryAddress;
        }

        public Builder version(int v) { version = v; return this; }
        public Builder priority(int p) { priority = p; return this; }
        public Builder wantMaster(boolean b) { wantMaster = b; return this; }
        public Builder advertIntervalCentis(int c) { advertIntervalCentis = c; return this; }
        public Builder authPass(String pass) {
            authType = 1;
            authPassword = Arrays.copyOf(pass.getBytes(StandardCharsets.UTF_8), 8);
            return this;
        }
        public Builder addresses(List<InetAddress> adv, List<VirtualAddress> all) {
            advertised = adv;
            virtualAddresses = all;
            return this;
        }
        public Builder unicastPeers(List<UnicastPeer> p, boolean check) {
            unicastPeers = p;
            checkUnicastSrc = check;
            return this;
        }
        public Builder nopreempt(boolean b) { nopreempt = b; return this; }
        public Builder preemptDelayNanos(long n) { preemptDelayNanos = n; return this; }
        public Builder lowerPrioNoAdvert(boolean b) { lowerPrioNoAdvert = b; return this; }
        public Builder higherPrioSendAdvert(boolean b) { higherPrioSendAdvert = b; return this; }
        public Builder downTimerAdverts(int n) { downTimerAdverts = n; return this; }
        public Builder skipCheckAdvAddr(boolean b) { skipCheckAdvAddr = b; return this; }
        public Builder ownerIgnoreAdverts(boolean b) { ownerIgnoreAdverts = b; return this; }
        public Builder dontTrackPrimary(boolean b) { dontTrackPrimary = b; return this; }
        public Builder garpMaster(long delayNanos, int repeat) {
            garpMasterDelayNanos = delayNanos;
            garpMasterRepeat = repeat;
            return this;
        }
        public Builder garpRefresh(long periodNanos, int repeat) {
            garpMasterRefreshNanos = periodNanos;
            garpMasterRefreshRepeat = repeat;
            return this;
        }
        public Builder garpLowerPrio(long delayNanos, int repeat) {
            garpLowerPrioDelayNanos = delayNanos;
            garpLowerPrioRepeat = repeat;
            return this;
        }

        public RouterSettings build() {
            return new RouterSettings(name, vrid, version, primaryAddress, priority, wantMaster,
                    advertIntervalCentis, authType, authPassword, advertised, virtualAddresses, unicastPeers,
                    checkUnicastSrc, nopreempt, preemptDelayNanos, lowerPrioNoAdvert, higherPrioSendAdvert,
                    downTimerAdverts, skipCheckAdvAddr, ownerIgnoreAdverts, dontTrackPrimary, garpMasterDelayNanos,
                    garpMasterRepeat, garpMasterRefreshNanos, garpMasterRefreshRepeat, garpLowerPrioDelayNanos,
                    garpLowerPrioRepeat);
        }
    }
}
