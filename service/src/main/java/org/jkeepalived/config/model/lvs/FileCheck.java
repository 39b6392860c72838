package org.jkeepalived.config.model.lvs;

/**
 * {@code FILE_CHECK}: follows the value of a {@code track_file}.
 *
 * @param kind     always {@value #KIND}
 * @param trackFile the track_file's name
 * @param weight    {@code weight}, else the track_file's own weight (1); 0 means any non-zero value fails
 * @param reverse   {@code weight W reverse}
 * @param dynamic   {@code dynamic} (after 2.2.7): add value x weight to the real server weight
 */
public record FileCheck(String kind, String trackFile, long weight, boolean reverse, boolean dynamic)
        implements Checker {
    public static final String KIND = "FILE_CHECK";

    public FileCheck {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public FileCheck(String trackFile, long weight, boolean reverse, boolean dynamic) {
        this(KIND, trackFile, weight, reverse, dynamic);
    }
}
