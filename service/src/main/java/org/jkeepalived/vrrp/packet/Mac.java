package org.jkeepalived.vrrp.packet;

/** Formatting of 6-byte MAC addresses for messages. */
final class Mac {
    private Mac() {
    }

    static String format(byte[] mac) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < mac.length; i++) {
            s.append(i == 0 ? "" : ":").append(String.format("%02x", mac[i] & 0xff));
        }
        return s.toString();
    }
}
