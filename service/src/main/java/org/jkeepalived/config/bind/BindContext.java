package org.jkeepalived.config.bind;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.SystemView;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.syntax.Node;

/**
 * Shared state while binding the parsed tree to the model: where findings go, what the machine looks
 * like, and every script seen (for the script-security pass, which judges them all together).
 */
public final class BindContext {
    private final Diagnostics diagnostics;
    private final SystemView system;
    private final List<ScriptCommand> scripts = new ArrayList<>();

    public BindContext(Diagnostics diagnostics, SystemView system) {
        this.diagnostics = diagnostics;
        this.system = system;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public SystemView system() {
        return system;
    }

    public void error(Location location, String message) {
        diagnostics.error(location, message);
    }

    public void error(Node node, String message) {
        diagnostics.error(node.location(), message);
    }

    public void note(Node node, String message) {
        diagnostics.note(node.location(), message);
    }

    /**
     * Records that a keyword was accepted but is not acted on yet: logged once per keyword. Binders call
     * this for every node whose {@code spec().implemented()} is false.
     */
    public void notImplemented(Node node) {
        diagnostics.noteOnce("not-implemented:" + node.keyword(), node.location(),
                "'" + node.written() + "' accepted but not implemented");
    }

    /** Calls {@link #notImplemented} for each node (recursively) whose keyword is not implemented. */
    public void reportNotImplemented(List<Node> nodes) {
        for (Node n : nodes) {
            if (!n.spec().implemented()) {
                notImplemented(n);
            }
            reportNotImplemented(n.children());
        }
    }

    public void registerScript(ScriptCommand script) {
        scripts.add(script);
    }

    public List<ScriptCommand> scripts() {
        return List.copyOf(scripts);
    }
}
