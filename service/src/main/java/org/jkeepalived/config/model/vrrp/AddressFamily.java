package org.jkeepalived.config.model.vrrp;

/** The address family of a VRRP instance, route or rule. */
public enum AddressFamily { IPV4, IPV6 }
