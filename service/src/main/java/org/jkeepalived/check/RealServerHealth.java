package org.jkeepalived.check;

import java.util.BitSet;

/**
 * The state of one real server from its checkers' states: up when every checker is up (keepalived counts
 * failed checkers and the server is alive at zero). Pure.
 */
public final class RealServerHealth {
    private final int checkers;
    private final BitSet down = new BitSet();

    /** @param initiallyUp each checker's state before its first result (false for {@code alpha}) */
    public RealServerHealth(boolean[] initiallyUp) {
        this.checkers = initiallyUp.length;
        for (int i = 0; i < initiallyUp.length; i++) {
            down.set(i, !initiallyUp[i]);
        }
    }

    public boolean up() {
        return down.isEmpty();
    }

    public int failedCheckers() {
        return down.cardinality();
    }

    /** Records checker {@code index}'s state; returns whether the real server's state flipped. */
    public boolean set(int index, boolean checkerUp) {
        if (index < 0 || index >= checkers) {
            throw new IndexOutOfBoundsException(index);
        }
        boolean before = up();
        down.set(index, !checkerUp);
        return before != up();
    }
}
