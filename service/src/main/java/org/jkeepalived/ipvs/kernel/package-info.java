/**
 * The kernel's IPVS table over generic netlink ({@code linux/ip_vs.h}, family "IPVS"): what it holds as records
 * ({@link org.jkeepalived.ipvs.kernel.IpvsService}, {@link org.jkeepalived.ipvs.kernel.IpvsDestination}, stats,
 * info, timeouts, sync daemon), the pure {@link org.jkeepalived.ipvs.kernel.IpvsCodec}, the
 * {@link org.jkeepalived.ipvs.kernel.IpvsKernel} port and its Linux implementation.
 */
package org.jkeepalived.ipvs.kernel;
