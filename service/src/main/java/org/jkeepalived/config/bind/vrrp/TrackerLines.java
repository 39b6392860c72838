package org.jkeepalived.config.bind.vrrp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.track.TrackRef;
import org.jkeepalived.config.model.track.Trackers;
import org.jkeepalived.config.syntax.Node;

/**
 * The track_interface / track_script / track_file / track_process / track_bfd blocks of an instance or
 * sync group (c.4): {@code NAME [weight W [reverse]]}. keepalived 2.2.7 (observed): a word other than
 * {@code weight} after the name drops the line; a bad weight is reported and the tracked object's own
 * weight (0 for interfaces) is used; an unknown word after the weight is reported and ignored; a repeated
 * name is ignored; a name that does not resolve is reported and ignored.
 */
final class TrackerLines {
    /** One tracker kind: its keyword, how keepalived names it in messages, its weight range. */
    private enum Kind {
        INTERFACE("track_interface", 253),
        SCRIPT("track_script", 253),
        FILE("track_file", 254),
        PROCESS("track_process", 254),
        BFD("track_bfd", 253);

        final String keyword;
        final int maxWeight;

        Kind(String keyword, int maxWeight) {
            this.keyword = keyword;
            this.maxWeight = maxWeight;
        }
    }

    /** The default weight and reverse of a resolved tracked object. */
    private record Target(int weight, boolean reverse) {
    }

    private TrackerLines() {
    }

    /** Reads every track_* block among {@code block}'s children; {@code owner} names the instance or group. */
    static Trackers read(Node block, String owner, TrackConfig tracking, BindContext ctx) {
        return new Trackers(
                lines(block, Kind.INTERFACE, owner, tracking, ctx),
                lines(block, Kind.SCRIPT, owner, tracking, ctx),
                lines(block, Kind.FILE, owner, tracking, ctx),
                lines(block, Kind.PROCESS, owner, tracking, ctx),
                lines(block, Kind.BFD, owner, tracking, ctx));
    }

    private static List<TrackRef> lines(Node block, Kind kind, String owner, TrackConfig tracking,
                                        BindContext ctx) {
        List<TrackRef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : block.childrenNamed(kind.keyword)) {
            for (Node.Item item : n.items()) {
                TrackRef r = line(item.words(), item.location(), kind, owner, tracking, seen, ctx);
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static TrackRef line(List<String> words, Location at, Kind kind, String owner, TrackConfig tracking,
                                 Set<String> seen, BindContext ctx) {
        String name = words.get(0);
        String who = "(" + owner + ") ";
        Optional<Target> target = resolve(kind, name, tracking, ctx);
        if (target.isEmpty()) {
            if (kind == Kind.INTERFACE) {
                Interfaces.missing(at, who + "tracked interface " + name + " doesn't exist", ctx);
                target = Optional.of(new Target(0, false));
            } else {
                ctx.error(at, who + "track " + label(kind) + " " + name + " not found, ignoring...");
                return null;
            }
        }
        if (!seen.add(name)) {
            ctx.error(at, who + "duplicate " + kind.keyword + " " + name + " - ignoring");
            return null;
        }
        int weight = target.get().weight();
        boolean reverse = target.get().reverse();
        if (words.size() > 1) {
            if (!words.get(1).equals("weight")) {
                ctx.error(at, who + "unknown " + optionLabel(kind) + " " + (kind == Kind.INTERFACE ? name + " " : "")
                        + "option " + words.get(1) + " - ignoring");
                return null;
            }
            if (words.size() < 3) {
                ctx.error(at, who + "weight without value specified for " + kind.keyword + " " + name + " - ignoring");
                return null;
            }
            Integer w = Args.intValue(at, words.get(2), -254, 254, ctx);
            if (w == null || Math.abs(w) > kind.maxWeight) {
                ctx.error(at, who + badWeight(kind, name, words.get(2)));
                if (kind == Kind.INTERFACE) {
                    weight = 0;
                    reverse = false;
                }
            } else {
                weight = w;
                reverse = false;
                if (words.size() > 3) {
                    String opt = words.get(3);
                    if (opt.equals("reverse")) {
                        reverse = true;
                    } else if (!(opt.equals("noreverse") && (kind == Kind.FILE || kind == Kind.PROCESS))) {
                        ctx.error(at, who + "unknown " + (kind == Kind.INTERFACE ? "track_interace" : kind.keyword)
                                + " " + name + " weight option " + opt + " - ignoring");
                    }
                }
            }
        }
        return new TrackRef(name, weight, reverse, at);
    }

    private static Optional<Target> resolve(Kind kind, String name, TrackConfig tracking, BindContext ctx) {
        return switch (kind) {
            case INTERFACE -> ctx.system().interfaceExists(name) ? Optional.of(new Target(0, false)) : Optional.empty();
            case SCRIPT -> tracking.script(name).map(s -> new Target(s.weight(), s.reverse()));
            case FILE -> tracking.file(name).map(f -> new Target(f.weight(), f.reverse()));
            case PROCESS -> tracking.process(name).map(p -> new Target(p.weight(), p.reverse()));
            // a bfd_instance limited to the checker process is not visible to VRRP (observed)
            case BFD -> tracking.bfd(name).filter(b -> b.toVrrp()).map(b -> new Target(b.weight(), b.reverse()));
        };
    }

    private static String label(Kind kind) {
        return switch (kind) {
            case SCRIPT -> "script";
            case FILE -> "file";
            case PROCESS -> "process";
            case BFD -> "bfd";
            case INTERFACE -> "interface";
        };
    }

    private static String optionLabel(Kind kind) {
        return kind == Kind.INTERFACE ? "track_interface" : "track " + label(kind);
    }

    private static String badWeight(Kind kind, String name, String w) {
        return switch (kind) {
            case INTERFACE -> "weight " + w + " for " + name + " must be between [-253..253] inclusive. Ignoring...";
            case SCRIPT, BFD -> "track " + label(kind) + " " + name
                    + ": weight must be between [-253..253] inclusive, ignoring...";
            case FILE, PROCESS -> "weight for track " + label(kind) + " " + name
                    + " must be in [-254..254] inclusive. Ignoring...";
        };
    }
}
