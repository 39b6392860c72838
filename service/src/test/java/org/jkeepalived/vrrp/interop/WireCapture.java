package org.jkeepalived.vrrp.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.testsupport.Netns;

/**
 * tshark capturing VRRP (IP protocol 112, both families), ARP and ICMPv6 on one interface of a namespace into a pcap file, then
 * reading it back through tshark's VRRP dissector. The dissector always verifies the checksum and reports it in
 * {@code vrrp.checksum.status} (Wireshark's enum: 0 bad, 1 good, 2 unverified); for VRRPv3 it uses the RFC 5798
 * §5.2.8 pseudo-header unless the preference {@code vrrp.v3_checksum_as_in_v2} is TRUE.
 */
final class WireCapture implements AutoCloseable {
    static final int CHECKSUM_BAD = 0;
    static final int CHECKSUM_GOOD = 1;

    private final Path file;
    private final Path stderr;
    private final Process process;

    private WireCapture(Path file, Path stderr, Process process) {
        this.file = file;
        this.stderr = stderr;
        this.process = process;
    }

    /** Starts capturing and returns once tshark says it is capturing. */
    static WireCapture start(Netns ns, String ifName, Path file) throws IOException, InterruptedException {
        Path stderr = file.resolveSibling(file.getFileName() + ".tshark.log");
        Process p = new ProcessBuilder(ns.exec(List.of("tshark", "-q", "-n", "-i", ifName, "-f",
                "ip proto 112 or ip6 proto 112 or arp or icmp6", "-w", file.toString())))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.to(stderr.toFile())).start();
        p.getOutputStream().close();
        WireCapture c = new WireCapture(file, stderr, p);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.readString(stderr).contains("Capturing on")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                c.close();
                throw new IllegalStateException("tshark did not start capturing: " + Files.readString(stderr));
            }
            Thread.sleep(20);
        }
        return c;
    }

    /** SIGTERM to tshark (by its pid: `ip netns exec` execs it), which flushes the file and exits. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    /** One dissected advert. {@code source} is the IPv4 or IPv6 source address as tshark prints it. */
    record Advert(double epochSeconds, String source, String destination, int ttl, int version, int priority,
                  int checksumStatus, String authString) {
    }

    /** Every VRRP packet of the capture (not quoted in ICMP), dissected, with tshark preferences {@code name:value} applied. */
    List<Advert> adverts(String... preferences) throws IOException, InterruptedException {
        // Not the VRRP quoted in ICMP errors (a unicast advert to a node whose daemon is down comes back as an
        // ICMPv6 parameter problem, "unrecognized next header").
        List<String> c = new ArrayList<>(List.of("-Y", "vrrp && !icmp && !icmpv6", "-T", "fields", "-E", "separator=/t", "-E",
                "occurrence=f"));
        for (String p : preferences) {
            c.addAll(List.of("-o", p));
        }
        for (String f : List.of("frame.time_epoch", "ip.src", "ipv6.src", "ip.dst", "ipv6.dst", "ip.ttl",
                "ipv6.hlim", "vrrp.version", "vrrp.prio", "vrrp.checksum.status", "vrrp.auth_string")) {
            c.addAll(List.of("-e", f));
        }
        String out = tshark(c);
        List<Advert> adverts = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            adverts.add(new Advert(Double.parseDouble(f[0]), f[1].isEmpty() ? f[2] : f[1], f[3].isEmpty() ? f[4] : f[3],
                    num(f[5].isEmpty() ? f[6] : f[5]), num(f[7]), num(f[8]), num(f[9]), f.length > 10 ? f[10] : ""));
        }
        return adverts;
    }

    /**
     * How many gratuitous ARPs (IPv4) or unsolicited Neighbor Advertisements (IPv6) announced {@code vip}, by
     * sender MAC address (lower case, as tshark prints {@code eth.src}).
     */
    Map<String, Integer> announcements(String vip) throws IOException, InterruptedException {
        String filter = vip.contains(":") ? "icmpv6.type == 136 && icmpv6.nd.na.target_address == " + vip
                : "arp.isgratuitous && arp.src.proto_ipv4 == " + vip;
        Map<String, Integer> bySender = new TreeMap<>();
        for (String mac : tshark(List.of("-Y", filter, "-T", "fields", "-e", "eth.src")).split("\n")) {
            if (!mac.isBlank()) {
                bySender.merge(mac.trim(), 1, Integer::sum);
            }
        }
        return bySender;
    }

    private String tshark(List<String> arguments) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString()));
        c.addAll(arguments);
        Process p = new ProcessBuilder(c).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("tshark -r " + file + " " + arguments + " failed: " + out);
        }
        return out;
    }

    private static int num(String s) {
        return s.isEmpty() ? -1 : Integer.parseInt(s.trim());
    }

    Path file() {
        return file;
    }
}
