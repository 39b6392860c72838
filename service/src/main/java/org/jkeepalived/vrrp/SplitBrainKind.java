package org.jkeepalived.vrrp;

/**
 * How a split brain (two MASTERs for one virtual router) was seen; JKEEPALIVED-MIB's JkSplitBrainKind, whose
 * values {@link #mibValue()} gives.
 */
public enum SplitBrainKind {
    /** This BACKUP heard two routers advertise in turn, each again within a master-down interval. */
    BACKUP_SEES_TWO_MASTERS(2, "backup heard two masters"),
    /** This MASTER heard a lower (or equal, from a lower address) non-zero advert: it stays MASTER. */
    MASTER_SEES_LOWER_MASTER(3, "master received a lower-priority advert"),
    /** This MASTER heard an advert of its own priority (whichever address wins the tie). */
    MASTER_SEES_EQUAL_MASTER(4, "master received an equal-priority advert");

    private final int mibValue;
    private final String text;

    SplitBrainKind(int mibValue, String text) {
        this.mibValue = mibValue;
        this.text = text;
    }

    /** JkSplitBrainKind's value (none(1) is no kind at all). */
    public int mibValue() {
        return mibValue;
    }

    /** For log lines. */
    public String text() {
        return text;
    }
}
