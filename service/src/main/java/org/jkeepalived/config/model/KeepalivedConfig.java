package org.jkeepalived.config.model;

import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.lvs.LvsConfig;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.vrrp.VrrpConfig;

/** The whole configuration, immutable, with keepalived's defaults resolved. */
public record KeepalivedConfig(GlobalDefs global, TrackConfig tracking, VrrpConfig vrrp, LvsConfig lvs) {
}
