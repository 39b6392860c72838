package org.jkeepalived.vrrp.runtime;

import java.util.function.BooleanSupplier;

/**
 * The interop scenarios moved to {@code org.jkeepalived.vrrp.interop.VrrpInteropIT} (a bridge, keepalived and
 * jkeepalived in both roles, v2/v3, unicast, IPv6, wire check). What is left is the polling helper that
 * {@link DaemonVrrpIT} still uses; it goes once that test has its own.
 */
final class InteropIT {
    private InteropIT() {
    }

    static void await(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
