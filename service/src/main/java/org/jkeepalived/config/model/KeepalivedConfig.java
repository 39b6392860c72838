package org.jkeepalived.config.model;

import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.lvs.LvsConfig;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.vrrp.VrrpConfig;

/** The whole configuration, immutable, with keepalived's defaults resolved. */
public record KeepalivedConfig(GlobalDefs global, TrackConfig tracking, VrrpConfig vrrp, LvsConfig lvs,
                               ManagementConfig management) {
    /** A configuration without management blocks (their defaults). */
    public KeepalivedConfig(GlobalDefs global, TrackConfig tracking, VrrpConfig vrrp, LvsConfig lvs) {
        this(global, tracking, vrrp, lvs, ManagementConfig.defaults());
    }
}
