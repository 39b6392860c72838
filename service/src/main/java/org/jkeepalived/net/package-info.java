/**
 * The Linux I/O ports VRRP needs, as interfaces and value types: {@link org.jkeepalived.net.VrrpSocket}
 * (IP protocol 112 adverts with TTL/hop limit, addresses and ifindex of each received one) and
 * {@link org.jkeepalived.net.FrameSender} (gratuitous ARP / unsolicited NA frames). The real
 * implementations are in {@code net.linux}; tests of other layers use the hand-written fakes in the
 * test tree. No native code here or in {@code net.linux}: every binding is in {@code org.jkeepalived.ffi}.
 */
package org.jkeepalived.net;
