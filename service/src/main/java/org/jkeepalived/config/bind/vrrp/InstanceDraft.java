package org.jkeepalived.config.bind.vrrp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.track.Trackers;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.Authentication;
import org.jkeepalived.config.model.vrrp.InitialState;
import org.jkeepalived.config.model.vrrp.UnicastPeer;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VirtualRoute;
import org.jkeepalived.config.model.vrrp.VirtualRule;
import org.jkeepalived.config.model.vrrp.VrrpInstance.UnicastChecksum;

/**
 * A vrrp_instance while it is read: what the keywords said (null = not given), before keepalived's
 * completion checks resolve defaults and interplay ({@link InstanceChecks}).
 */
final class InstanceDraft {
    final String name;
    final Location location;
    String interfaceName;
    String vrf;
    boolean dontTrackPrimary;
    Integer vrid;
    AddressFamily family;
    Integer version;
    InitialState state;
    Integer priority;
    Long advertMicros;
    Authentication.Type authType;
    String authPass;
    InetAddress srcIp;
    boolean trackSrcIp;
    InetAddress mcastDstIp;
    final List<UnicastPeer> peers = new ArrayList<>();
    boolean unicastKeyword;
    Integer unicastTtl;
    boolean unicastFaultNoPeer;
    Boolean checkUnicastSrc;
    UnicastChecksum oldUnicastChecksum = UnicastChecksum.AUTO;
    final List<VirtualAddress> vips = new ArrayList<>();
    final List<VirtualAddress> evips = new ArrayList<>();
    boolean noVirtualIpaddress;
    final List<VirtualRoute> routes = new ArrayList<>();
    final List<VirtualRule> rules = new ArrayList<>();
    Trackers trackers = Trackers.none();
    boolean nopreempt;
    Long preemptDelayMicros;
    Boolean accept;
    Long garpMasterDelayMicros;
    Integer garpMasterRepeat;
    Long garpMasterRefreshMicros;
    Integer garpMasterRefreshRepeat;
    Long garpLowerPrioDelayMicros;
    Integer garpLowerPrioRepeat;
    Long garpExtraIfMicros;
    boolean garpExtraIfAll;
    Boolean lowerPrioNoAdvert;
    Boolean higherPrioSendAdvert;
    Integer downTimerAdverts;
    Boolean skipCheckAdvAddr;
    Boolean strictMode;
    Boolean v3ChecksumAsV2;
    Boolean ownerIgnoreAdverts;
    boolean timerExpiredBackup;
    ScriptCommand notifyMaster;
    ScriptCommand notifyBackup;
    ScriptCommand notifyFault;
    ScriptCommand notifyStop;
    ScriptCommand notifyDeleted;
    boolean notifyDeletedGiven;
    ScriptCommand notify;
    ScriptCommand notifyMasterRxLowerPri;
    Boolean notifyPriorityChanges;
    Boolean smtpAlert;
    boolean promoteSecondaries;
    int debug;
    String lvsSyncDaemonInterface;
    boolean useVmac;
    boolean vmacXmitBase;
    boolean useIpvlan;
    boolean ipvlanHasAddress;

    InstanceDraft(String name, Location location) {
        this.name = name;
        this.location = location;
    }

    /** "(VI_1) " — the prefix keepalived puts on most instance messages. */
    String who() {
        return "(" + name + ") ";
    }
}
