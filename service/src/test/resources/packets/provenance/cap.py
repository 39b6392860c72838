import socket, sys, time
iface, secs, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
s.bind((iface, 0)); s.settimeout(0.5)
end = time.time() + secs
with open(out, 'w') as f:
    while time.time() < end:
        try: data, addr = s.recvfrom(65535)
        except socket.timeout: continue
        f.write("%.3f %d %s\n" % (time.time(), addr[2], data.hex())); f.flush()
