package org.jkeepalived.metrics;

/** Prints the fixture's exposition (to review a change of fixture.prom by eye, and to feed promtool). */
final class DumpFixtureMain {
    private DumpFixtureMain() {
    }

    public static void main(String[] args) {
        System.out.print(SnapshotMetrics.render(MetricsFixture.snapshot(), MetricsFixture.NOW));
    }
}
