#!/usr/bin/env python3
"""Packet tools for the VRRP benchmark (issue 4), run inside a namespace by vrrpbench.py.

  netprobe.py probe IFACE TARGET INTERVAL_MS OUT
      Sends an ICMP echo to TARGET every INTERVAL_MS (raw IP socket: the kernel routes and resolves
      ARP, as any client would) until SIGTERM. Replies are read on an AF_PACKET socket bound to IFACE
      so that each carries the Ethernet source MAC (which router answered) and the kernel's receive
      timestamp (SO_TIMESTAMPNS, CLOCK_REALTIME). Writes "t_ns mac seq" per reply to OUT.

  netprobe.py capture IFACE SRC_IP SECONDS OUT
      Records every VRRP packet (IP protocol 112) from SRC_IP arriving on IFACE for SECONDS, with the
      kernel's receive timestamp; writes "t_ns vrid" per advert to OUT.

Why not ping/tcpdump: neither is installed here, and a probe must tell which router answered.
"""
import os
import select
import signal
import socket
import struct
import sys
import time

SO_TIMESTAMPNS = 35
ETH_P_IP = 0x0800
ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4


def kernel_ns(ancdata, fallback):
    for level, kind, data in ancdata:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
            sec, nsec = struct.unpack("qq", data[:16])
            return sec * 1_000_000_000 + nsec
    return fallback


def checksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF


def probe(iface, target, interval_ms, out):
    interval = interval_ms / 1000.0
    tx = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    tx.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # its copy of the replies is not read
    rx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_IP))
    rx.bind((iface, 0))
    rx.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    rx.setblocking(False)
    ident = os.getpid() & 0xFFFF
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    rows, seq, sent = [], 0, 0
    nxt = time.monotonic()
    while not stop:
        now = time.monotonic()
        if now >= nxt:
            seq = (seq + 1) & 0xFFFF
            hdr = struct.pack("!BBHHH", 8, 0, 0, ident, seq)
            payload = b"jkb-probe"
            pkt = struct.pack("!BBHHH", 8, 0, checksum(hdr + payload), ident, seq) + payload
            try:
                tx.sendto(pkt, (target, 0))
                sent += 1
            except OSError:
                pass  # no route / neighbour failure while the VIP moves: a lost probe
            nxt += interval
            if nxt < now:  # fell behind (CPU contention): keep the pace, do not burst
                nxt = now + interval
            continue
        try:
            select.select([rx], [], [], max(0.0, nxt - now))
        except InterruptedError:
            continue
        while True:
            try:
                data, anc, _, addr = rx.recvmsg(2048, 64)
            except (BlockingIOError, InterruptedError):
                break
            if addr[2] == PACKET_OUTGOING or len(data) < 14 + 20 + 8:
                continue
            ihl = (data[14] & 0x0F) * 4
            if data[14 + 9] != 1:
                continue
            icmp = data[14 + ihl:14 + ihl + 8]
            typ, _, _, rid, rseq = struct.unpack("!BBHHH", icmp)
            if typ != 0 or rid != ident:
                continue
            rows.append((kernel_ns(anc, time.time_ns()), data[6:12].hex(":"), rseq))
    with open(out, "w") as f:
        f.write("# sent %d\n" % sent)
        for t, mac, s in rows:
            f.write("%d %s %d\n" % (t, mac, s))


def capture(iface, src_ip, seconds, out):
    rx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    rx.bind((iface, 0))
    rx.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    rx.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    src = socket.inet_aton(src_ip)
    rows = []
    end = time.monotonic() + seconds
    rx.settimeout(0.2)
    while time.monotonic() < end:
        try:
            data, anc, _, addr = rx.recvmsg(2048, 64)
        except (socket.timeout, InterruptedError):
            continue
        if addr[2] == PACKET_OUTGOING or len(data) < 14 + 20 + 8:
            continue
        if data[12:14] != b"\x08\x00" or data[14 + 9] != 112 or data[14 + 12:14 + 16] != src:
            continue
        ihl = (data[14] & 0x0F) * 4
        rows.append((kernel_ns(anc, time.time_ns()), data[14 + ihl + 1]))
    with open(out, "w") as f:
        for t, vrid in rows:
            f.write("%d %d\n" % (t, vrid))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "probe":
        probe(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5])
    elif cmd == "capture":
        capture(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5])
    else:
        sys.exit("usage: netprobe.py probe|capture ...")
