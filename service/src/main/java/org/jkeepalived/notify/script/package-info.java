/**
 * Scripts keepalived runs for notifications and lifecycle (f.1): {@link
 * org.jkeepalived.notify.script.NotifyScriptSubscriber} (notify_* and notify, an event-bus subscriber) and
 * {@link org.jkeepalived.notify.script.LifecycleScripts} (startup_script, shutdown_script). Processes are
 * run only through the {@link org.jkeepalived.os.process.ScriptRunner} port.
 */
package org.jkeepalived.notify.script;
