package org.jkeepalived.status;

import org.jkeepalived.vrrp.VrrpState;

/** A vrrp_sync_group's name and the state its members last reached together (INIT before any). */
public record SyncGroupStatus(String name, VrrpState state) {
}
