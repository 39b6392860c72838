package org.jkeepalived.vrrp.interop;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jkeepalived.vrrp.interop.WireCapture.Advert;

/**
 * Takeover gaps read off a capture of one {@link VrrpInteropIT} life cycle, in which the low-priority node sends
 * adverts only while it is MASTER.
 *
 * @param crashGapMillis    from the high node's last advert to the low node's first (after SIGKILL): the low
 *                          node's Master_Down_Interval as the wire shows it
 * @param gracefulGapMillis from the high node's priority-0 advert (SIGTERM) to the low node's next advert:
 *                          Skew_Time
 * @param summary           per source: adverts, good / bad / unverified checksums, priority-0 adverts
 */
record WireTimeline(long crashGapMillis, long gracefulGapMillis, String summary) {
    static WireTimeline of(List<Advert> adverts, String highSrc, String lowSrc) {
        long crash = -1;
        double lastHigh = Double.NaN;
        for (Advert a : adverts) {
            if (a.source().equals(highSrc)) {
                lastHigh = a.epochSeconds();
            } else if (a.source().equals(lowSrc) && a.priority() > 0) {
                crash = Double.isNaN(lastHigh) ? -1 : Math.round((a.epochSeconds() - lastHigh) * 1000);
                break;
            }
        }
        long graceful = -1;
        double zero = Double.NaN;
        for (Advert a : adverts) {
            if (Double.isNaN(zero) && a.source().equals(highSrc) && a.priority() == 0) {
                zero = a.epochSeconds();
            } else if (!Double.isNaN(zero) && a.source().equals(lowSrc) && a.priority() > 0) {
                graceful = Math.round((a.epochSeconds() - zero) * 1000);
                break;
            }
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (Advert a : adverts) {
            int[] c = counts.computeIfAbsent(a.source(), k -> new int[5]);
            c[0]++;
            c[a.checksumStatus() == WireCapture.CHECKSUM_GOOD ? 1 : a.checksumStatus() == WireCapture.CHECKSUM_BAD
                    ? 2 : 3]++;
            if (a.priority() == 0) {
                c[4]++;
            }
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((src, c) -> s.append(s.length() == 0 ? "" : "; ").append(src).append(' ').append(c[0])
                .append(" adverts, ").append(c[1]).append(" good, ").append(c[2]).append(" bad, ")
                .append(c[3]).append(" unverified, ").append(c[4]).append(" priority 0"));
        return new WireTimeline(crash, graceful, s.toString());
    }
}
