package org.jkeepalived.config.model.vrrp;

/**
 * The {@code state} keyword: only the initial wish. Every instance starts in INIT/BACKUP; with MASTER and
 * priority 255 the first takeover happens after advert_int + skew instead of the master-down timer.
 */
public enum InitialState { MASTER, BACKUP }
