package org.jkeepalived.config.model.lvs;

/**
 * {@code BFD_CHECK}: up while the named {@code bfd_instance} session is up (accepted, not implemented).
 *
 * @param kind     always {@value #KIND}
 * @param name {@code name}: the bfd_instance
 */
public record BfdCheck(String kind, String name)
        implements Checker {
    public static final String KIND = "BFD_CHECK";

    public BfdCheck {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public BfdCheck(String name) {
        this(KIND, name);
    }
}
