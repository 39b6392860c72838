/**
 * The kernel's IPVS table over generic netlink ({@code linux/ip_vs.h}, family "IPVS"): what it holds as records
 * ({@link org.jkeepalived.ipvs.kernel.IpvsService}, {@link org.jkeepalived.ipvs.kernel.IpvsDestination}, stats,
 * info, timeouts, sync daemon), the pure {@link org.jkeepalived.ipvs.kernel.IpvsCodec}, the
 * {@link org.jkeepalived.ipvs.kernel.IpvsKernel} port and its Linux implementation.
 *
 * <p>Choices, each checked against the UAPI header and the fixtures of {@code src/test/resources/ipvs}:
 * <ul>
 * <li>Addresses go out as 16 bytes (union nf_inet_addr), as ipvsadm and the kernel's own dumps send them; 4-byte
 * IPv4 addresses are accepted on decode.</li>
 * <li>Service flags go out with a full mask, so the kernel takes them as given; the kernel's own HASHED bit is
 * dropped on decode, so that a dump compares equal to what was asked for (no churn in the reconciler).</li>
 * <li>The persistence netmask is a prefix length in the records: the kernel takes an IPv4 mask big-endian but an
 * IPv6 one as the bare prefix length.</li>
 * <li>Tunnel attributes (Linux 5.2+) are sent only for a tunnel destination that is not plain IPIP, so older
 * kernels keep working.</li>
 * <li>Stats come from the *_STATS64 nest where present (Linux 4.1+), else from the older one.</li>
 * <li>Unlike keepalived and ipvsadm, nothing here runs {@code modprobe ip_vs}: a missing family is reported as
 * {@link org.jkeepalived.ipvs.kernel.IpvsException.Kind#NOT_AVAILABLE} and the caller decides.</li>
 * </ul>
 */
package org.jkeepalived.ipvs.kernel;
