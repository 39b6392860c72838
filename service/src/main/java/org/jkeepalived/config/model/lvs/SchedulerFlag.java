package org.jkeepalived.config.model.lvs;

/** IPVS service flags set by the keywords of the same name ({@code ops} is one-packet scheduling). */
public enum SchedulerFlag {
    FLAG_1("flag-1"),
    FLAG_2("flag-2"),
    FLAG_3("flag-3"),
    SH_PORT("sh-port"),
    SH_FALLBACK("sh-fallback"),
    MH_PORT("mh-port"),
    MH_FALLBACK("mh-fallback"),
    ONE_PACKET("ops");

    private final String keyword;

    SchedulerFlag(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
