package org.jkeepalived.config.model.track;

import java.util.List;
import java.util.Optional;

/**
 * The tracked objects declared at the top level: vrrp_script, track_file, vrrp_track_process and
 * bfd_instance blocks, after keepalived's checks (blocks without a script / file / process / neighbor
 * are removed, a repeated name keeps the first block).
 *
 * @param scripts      vrrp_script blocks
 * @param files        track_file / vrrp_track_file blocks
 * @param processes    vrrp_track_process blocks
 * @param bfdInstances bfd_instance blocks
 */
public record TrackConfig(List<VrrpScript> scripts, List<TrackFile> files, List<TrackProcess> processes,
                          List<BfdInstance> bfdInstances) {
    public TrackConfig {
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
        bfdInstances = List.copyOf(bfdInstances);
    }

    public static TrackConfig empty() {
        return new TrackConfig(List.of(), List.of(), List.of(), List.of());
    }

    public Optional<VrrpScript> script(String name) {
        return scripts.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<TrackFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<TrackProcess> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<BfdInstance> bfd(String name) {
        return bfdInstances.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
