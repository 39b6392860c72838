package org.jkeepalived.status;

/** Where the management plane reads the daemon's state: the latest published {@link StatusSnapshot}. */
@FunctionalInterface
public interface StatusSource {
    /** The latest snapshot; never null (an empty one before the engines start). Cheap: no engine is asked. */
    StatusSnapshot current();
}
