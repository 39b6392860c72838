package org.jkeepalived.ipvs.kernel;

/** IPVS_CMD_GET_INFO: the IPVS version (0x010201 for 1.2.1) and the connection hash table size. */
public record IpvsInfo(int version, int connTableSize) {
    /** As ipvsadm prints it: {@code 1.2.1}. */
    public String versionString() {
        return ((version >> 16) & 0xff) + "." + ((version >> 8) & 0xff) + "." + (version & 0xff);
    }
}
