package org.jkeepalived.config.model.vrrp;

/**
 * One line of {@code interface_up_down_delays}: link state changes are acted on only after these delays.
 *
 * @param interfaceName     the interface
 * @param downDelayMicros   delay before a down is acted on (0..255 s)
 * @param upDelayMicros     delay before an up is acted on (defaults to the down delay)
 */
public record InterfaceDelay(String interfaceName, long downDelayMicros, long upDelayMicros) {
}
