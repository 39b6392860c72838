/**
 * rtnetlink ports: {@link org.jkeepalived.netlink.AddressManager} (addresses, link lookups),
 * {@link org.jkeepalived.netlink.RouteManager} (routes, rules) and
 * {@link org.jkeepalived.netlink.NetlinkMonitor} (typed link/address events). Message encoding and
 * decoding is pure ({@link org.jkeepalived.netlink.NetlinkCodec}, {@link org.jkeepalived.netlink.RouteCodec});
 * only the socket calls, in {@code netlink.linux}, go through {@code org.jkeepalived.ffi}.
 */
package org.jkeepalived.netlink;
