package org.jkeepalived.config.lvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.lvs.References;
import org.jkeepalived.config.syntax.Keyword;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;
import org.junit.jupiter.api.Test;

/**
 * FILE_CHECK and BFD_CHECK name a track_file / bfd_instance, which keepalived 2.2.7 only finds when it
 * is defined earlier in the file (a later one is "not found", exit 5). Tested on hand-made nodes because
 * those blocks belong to the tracking section's grammar.
 */
class ReferencesTest {
    private static final Syntax GRAMMAR = Syntax.root()
            .block("track_file", b -> b.leaf("file").leaf("weight"))
            .block("bfd_instance", b -> b.leaf("neighbor_ip"))
            .block("virtual_server", b -> {
            });
    private static int line;

    private static Node node(String keyword, String name, Node... children) {
        Keyword k = GRAMMAR.keyword().children().get(keyword);
        return new Node(k, keyword, List.of(name), new Location("test.conf", ++line), List.of(children), List.of());
    }

    private static Node weight(String... args) {
        Keyword k = GRAMMAR.keyword().children().get("track_file").children().get("weight");
        return new Node(k, "weight", List.of(args), new Location("test.conf", ++line), List.of(), List.of());
    }

    @Test
    void onlyDefinitionsBeforeTheServiceCount() {
        Node before = node("track_file", "tf1");
        Node vs = node("virtual_server", "10.0.0.1");
        Node after = node("track_file", "tf2");
        Node bfd = node("bfd_instance", "b1");
        List<Node> top = new ArrayList<>(List.of(bfd, before, vs, after));
        assertThat(References.definedBefore(top, vs, References.TRACK_FILE, "tf1")).contains(before);
        assertThat(References.definedBefore(top, vs, References.TRACK_FILE, "tf2")).isEmpty();
        assertThat(References.definedBefore(top, vs, References.TRACK_FILE, "b1")).as("kind matters").isEmpty();
        assertThat(References.definedBefore(top, vs, References.BFD_INSTANCE, "b1")).contains(bfd);
    }

    @Test
    void trackFileWeightDefaultsToOne() {
        assertThat(References.trackFileWeight(node("track_file", "a"))).containsExactly(1, 0);
        assertThat(References.trackFileWeight(node("track_file", "b", weight("-5", "reverse")))).containsExactly(-5, 1);
        assertThat(References.trackFileWeight(node("track_file", "c", weight("x")))).containsExactly(1, 0);
    }
}
