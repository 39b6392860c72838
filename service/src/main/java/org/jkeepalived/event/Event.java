package org.jkeepalived.event;

import java.net.InetAddress;
import java.util.Objects;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.vrrp.NotifyScripts;

/**
 * What the engines publish on the {@link EventBus}. Subscribers (notify scripts, FIFOs, mail, and later
 * SNMP traps and JMX notifications) only ever see these; none of them is called from protocol code.
 * Events carry what a subscriber needs to act on them, so that a reload which removes an instance does not
 * leave its last notifications without their scripts.
 */
public sealed interface Event {

    /** keepalived's notify type word. */
    enum TargetType { INSTANCE, GROUP }

    /** keepalived's notify state words (f.1, f.2). */
    enum NotifyState { MASTER, BACKUP, FAULT, STOP, DELETED }

    /**
     * Who a VRRP notification is about and what was configured for it.
     *
     * @param type                  INSTANCE or GROUP
     * @param name                  the vrrp_instance or vrrp_sync_group name
     * @param scripts               its notify scripts (never null; {@link NotifyScripts#none()})
     * @param smtpAlert             send mail for its transitions (already resolved against global_defs)
     * @param notifyPriorityChanges {@code notify_priority_changes} (FIFO MASTER_PRIORITY / BACKUP_PRIORITY)
     */
    record Target(TargetType type, String name, NotifyScripts scripts, boolean smtpAlert,
                  boolean notifyPriorityChanges) {
        public Target {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            scripts = scripts == null ? NotifyScripts.none() : scripts;
        }
    }

    /**
     * An instance or sync group entered a notify state. keepalived's notify arguments and FIFO line are
     * {@code TYPE NAME STATE PRIORITY}; a group reports priority 0.
     *
     * @param target    who
     * @param state     the state entered
     * @param priority  the effective priority at the change (0 for a group)
     * @param reason    why, in the engine's log words (not part of keepalived's notify arguments)
     */
    record VrrpStateChanged(Target target, NotifyState state, int priority, String reason) implements Event {
    }

    /**
     * The effective priority of an instance in MASTER or BACKUP changed; published only when the target has
     * {@code notify_priority_changes} (FIFO {@code MASTER_PRIORITY} / {@code BACKUP_PRIORITY}).
     *
     * @param target   the instance
     * @param state    MASTER or BACKUP
     * @param priority the new effective priority
     */
    record VrrpPriorityChanged(Target target, NotifyState state, int priority) implements Event {
    }

    /**
     * A MASTER received an advert with a lower priority (notify_master_rx_lower_pri, FIFO
     * {@code MASTER_RX_LOWER_PRI}).
     *
     * @param target        the instance
     * @param priority      our effective priority
     * @param from          the sender
     * @param theirPriority the priority it advertised
     */
    record MasterRxLowerPriority(Target target, int priority, InetAddress from, int theirPriority) implements Event {
    }

    /**
     * After a reload with {@code fifo_write_vrrp_states_on_reload}: every instance's and group's current state
     * again, for the FIFOs only (notify scripts and mail do not run for it).
     */
    record VrrpStatesRestated(java.util.List<VrrpStateChanged> states) implements Event {
        public VrrpStatesRestated {
            states = java.util.List.copyOf(states);
        }
    }

    /**
     * A real server's checkers agree it is up, or one of them says it is down (notify_up / notify_down,
     * FIFO {@code RS [1.2.3.4]:tcp:80 [192.168.201.15]:tcp:80 UP}).
     *
     * @param virtualServer keepalived's name of the virtual server, e.g. {@code [192.168.201.15]:tcp:80}
     * @param realServer    keepalived's name of the real server, e.g. {@code [1.2.3.4]:tcp:80}
     * @param up            its new state
     * @param script        its notify_up or notify_down script for this state, or null
     * @param smtpAlert     mail for it (resolved against global_defs)
     * @param reason        why, in the checker's words (empty when up)
     * @param checkerKind   the checker whose result flipped it ({@code TCP_CHECK}, ...), null when none did
     *                      (initial notifies, omega at shutdown)
     */
    record RealServerChanged(String virtualServer, String realServer, boolean up, ScriptCommand script,
                             boolean smtpAlert, String reason, String checkerKind) implements Event {
    }

    /**
     * A virtual server gained or lost its quorum (quorum_up / quorum_down, FIFO
     * {@code VS [192.168.201.15]:tcp:80 UP}).
     *
     * @param virtualServer keepalived's name of the virtual server
     * @param up            quorum gained
     * @param script        its quorum_up or quorum_down script, or null
     * @param smtpAlert     mail for it
     * @param message       keepalived's log words, e.g. {@code Gained quorum 1+0=1 <= 2 for VS [...]:tcp:80}
     * @param realServersUp its real servers up after the change (virtualServerRealServersUp), -1 when not known
     */
    record QuorumChanged(String virtualServer, boolean up, ScriptCommand script, boolean smtpAlert, String message,
                         int realServersUp) implements Event {
        public QuorumChanged(String virtualServer, boolean up, ScriptCommand script, boolean smtpAlert,
                             String message) {
            this(virtualServer, up, script, smtpAlert, message, -1);
        }
    }

    /**
     * A tracked object changed: a vrrp_script's result, a track_file's value, a tracked process's quorum, an
     * interface's link. For the management plane; VRRP itself takes these through its engine.
     *
     * @param kind  script, file, process or interface
     * @param name  the object's name
     * @param up    its state after the change (a file: value is not 0)
     * @param value a track_file's value, else 0
     */
    record TrackerChanged(String kind, String name, boolean up, long value) implements Event {
    }

    /**
     * A VRRPv2 advert failed authentication (RFC 2787 vrrpTrapAuthFailure): an unknown auth type, another type
     * than ours, or a wrong password.
     *
     * @param instance  the instance it was for
     * @param source    the sender (vrrpTrapPacketSrc)
     * @param errorType invalidAuthType(1), authTypeMismatch(2) or authFailure(3) (vrrpTrapAuthErrorType)
     */
    record VrrpAuthFailure(String instance, InetAddress source, int errorType) implements Event {
    }

    /**
     * An advert for an instance was dropped for a protocol error that RFC 6527 notifies (vrrpv3ProtoError): an
     * IP TTL / hop limit error or a version error. Checksum errors only update the counters (as keepalived).
     *
     * @param instance the instance it was for
     * @param reason   {@code IP_TTL} or {@code VERSION} ({@link org.jkeepalived.vrrp.packet.DropReason})
     */
    record VrrpProtocolError(String instance, org.jkeepalived.vrrp.packet.DropReason reason) implements Event {
    }

    /**
     * A VRRP instance saw a split brain: another MASTER for its virtual router (JKEEPALIVED-MIB
     * jkSplitBrainDetected). Once per episode.
     *
     * @param instance     the instance
     * @param vrid         its virtual router ID
     * @param kind         how it was seen
     * @param peer         the other MASTER (the advert's source)
     * @param peerPriority the priority in that advert
     * @param ownPriority  our effective priority then
     * @param episodes     the instance's episodes so far, this one included
     */
    record VrrpSplitBrain(String instance, int vrid, org.jkeepalived.vrrp.SplitBrainKind kind, InetAddress peer,
                          int peerPriority, int ownPriority, long episodes) implements Event {
    }
}
