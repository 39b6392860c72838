import ipaddress, os
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
def cs(b):
    b=bytes(b)
    if len(b)%2: b+=b'\0'
    s=sum(int.from_bytes(b[i:i+2],'big') for i in range(0,len(b),2))
    while s>>16: s=(s&0xffff)+(s>>16)
    return (~s)&0xffff
def vrrp_cs(v, src, dst, mode='pseudo'):
    z=bytearray(v); z[6:8]=b'\0\0'
    if v[0]>>4==2 or mode=='v2': return cs(z)
    if mode=='old': dst=bytes([224,0,0,18])
    if len(src)==4: ph=src+dst+bytes([0,112])+len(v).to_bytes(2,'big')
    else: ph=src+dst+len(v).to_bytes(4,'big')+bytes([0,0,0,112])
    return cs(ph+bytes(z))
def ip(b): return str(ipaddress.ip_address(bytes(b)))
def h(b): return bytes(b).hex()
def ipv4_lines(p):
    L=['# --- IPv4 header (20 bytes), as the IPv4 raw socket delivers it',
    '%s  # version 4, IHL 5 (20 bytes)'%h(p[0:1]), '%s  # TOS 0x%02x'%(h(p[1:2]),p[1]),
    '%s  # total length %d'%(h(p[2:4]),int.from_bytes(p[2:4],'big')), '%s  # identification'%h(p[4:6]),
    '%s  # flags/fragment offset'%h(p[6:8]), '%s  # TTL %d'%(h(p[8:9]),p[8]), '%s  # protocol %d (VRRP)'%(h(p[9:10]),p[9]),
    '%s  # header checksum 0x%s'%(h(p[10:12]),h(p[10:12])), '%s  # source %s'%(h(p[12:16]),ip(p[12:16])),
    '%s  # destination %s'%(h(p[16:20]),ip(p[16:20]))]
    return L+vrrp_lines(p[20:],4)
def vrrp_lines(v, fam):
    ver, typ, cnt = v[0]>>4, v[0]&15, v[3]
    L=['# --- VRRP message (%d bytes)'%len(v), '%s  # version %d, type %d'%(h(v[0:1]),ver,typ),
       '%s  # VRID %d'%(h(v[1:2]),v[1]), '%s  # priority %d'%(h(v[2:3]),v[2]), '%s  # Count IPv%d Addr %d'%(h(v[3:4]),fam,cnt)]
    if ver==2: L+=['%s  # auth type %d'%(h(v[4:5]),v[4]), '%s  # Adver Int %d s'%(h(v[5:6]),v[5])]
    else: L+=['%s  # rsvd 0, Max Adver Int %d cs'%(h(v[4:6]), int.from_bytes(v[4:6],'big')&0xfff)]
    L+=['%s  # checksum 0x%s'%(h(v[6:8]),h(v[6:8]))]
    n=4 if fam==4 else 16; pos=8
    for i in range(cnt):
        if pos+n<=len(v): L.append('%s  # address %s'%(h(v[pos:pos+n]),ip(v[pos:pos+n]))); pos+=n
    if ver==2 and pos+8<=len(v):
        L.append('%s  # auth data %r'%(h(v[pos:pos+8]), bytes(v[pos:pos+8]).rstrip(b'\0').decode('ascii','replace'))); pos+=8
    if pos<len(v): L.append('%s  # remaining bytes'%h(v[pos:]))
    return L
def ipv6_lines(p):
    L=['# --- IPv6 header (40 bytes)',
    '%s  # version 6, traffic class 0x%02x, flow label 0x%05x'%(h(p[0:4]),(int.from_bytes(p[0:4],'big')>>20)&0xff,int.from_bytes(p[0:4],'big')&0xfffff),
    '%s  # payload length %d'%(h(p[4:6]),int.from_bytes(p[4:6],'big')), '%s  # next header %d'%(h(p[6:7]),p[6]),
    '%s  # hop limit %d'%(h(p[7:8]),p[7]), '%s  # source %s'%(h(p[8:24]),ip(p[8:24])), '%s  # destination %s'%(h(p[24:40]),ip(p[24:40]))]
    return L
def mac(b): return ':'.join('%02x'%x for x in b)
def eth_lines(f):
    return ['# --- Ethernet header', '%s  # destination %s'%(h(f[0:6]),mac(f[0:6])), '%s  # source %s'%(h(f[6:12]),mac(f[6:12])), '%s  # ethertype 0x%s'%(h(f[12:14]),h(f[12:14]))]
CAP='# Provenance: CAPTURED byte for byte on 2026-11-25 from keepalived 2.2.7 (/usr/sbin/keepalived) on a veth\n# between two network namespaces (veth-a 02:00:00:77:00:0a 10.77.0.1/24, fe80::ff:fe77:a), read with an AF_PACKET socket.\n'
def write(name, head, lines):
    open(os.path.join(OUT,name),'w').write('# %s\n'%name + head + '\n'.join(lines)+'\n')
def fr(x): return bytearray(bytes.fromhex(x))
V2=fr('45c0002800010000ff70d0440a4d0001e000001221336401010101fe0a4d00337365637265743100')
V2P0=fr('45c0002800050000ff70d0400a4d0001e000001221330001010165fe0a4d00337365637265743100')
V3=fr('45c0002400010000ff70d0480a4d0001e000001231349602006438810a4d00340a4d0035')
V3HALF=fr('45c0002000010000ff70d04c0a4d0001e000001231366401003275360a4d0036')
U3=fr('45c0002000010000ff70a6100a4d00010a4d0002313c640100644abc0a4d003c')
U3OLD=fr('45c0002000010000ff70a6100a4d00010a4d0002313d6401006474f60a4d003d')
V6=fr('6c0fe189001870fffe80000000000000000000fffe77000aff0200000000000000000000000000123135c80100640afbfd000077000000000000000000000053')
GARP=fr('ffffffffffff02000077000a0806000108000604000102000077000a0a4d0033ffffffffffff0a4d0033')
NA=fr('33330000000102000077000a86dd6000000000203afffd000077000000000000000000000053ff0200000000000000000000000000018800588920000000fd000077000000000000000000000053020102000077000a')
def fix_ip(p):
    p[10:12]=b'\0\0'; p[10:12]=cs(p[:20]).to_bytes(2,'big'); return p
def fix_vrrp(p, mode='pseudo'):
    v=p[20:]; v[6:8]=vrrp_cs(v,p[12:16],p[16:20],mode).to_bytes(2,'big'); p[20:]=v; return p
def check(p, mode='pseudo'):
    assert vrrp_cs(p[20:],p[12:16],p[16:20],mode)==int.from_bytes(p[26:28],'big'), h(p)
    assert cs(p[:20])==0
check(V2); check(V2P0); check(V3); check(V3HALF); check(U3); check(U3OLD,'old')
assert vrrp_cs(V6[40:],V6[8:24],V6[24:40])==int.from_bytes(V6[46:48],'big')
IPF='# Form: IPv4 packet (header included), as an IPv4 raw socket delivers it.\n'
write('v2-ipv4-pass-auth.hex', CAP+IPF+'# Config: vrrp_instance version 2, virtual_router_id 51, priority 100, advert_int 1,\n#   authentication { auth_type PASS; auth_pass secret1 }, VIP 10.77.0.51/24. Decodes; checksum covers the VRRP message only.\n', ipv4_lines(V2))
write('v2-ipv4-priority0.hex', CAP+IPF+'# The same instance as v2-ipv4-pass-auth.hex sending priority 0 as it stopped (RFC 3768 §6.4.3 shutdown).\n', ipv4_lines(V2P0))
write('v3-ipv4.hex', CAP+IPF+'# Config: version 3, virtual_router_id 52, priority 150, advert_int 1, VIPs 10.77.0.52, 10.77.0.53.\n# Checksum over the IPv4 pseudo-header (RFC 5798 §5.2.8), keepalived\'s default.\n', ipv4_lines(V3))
write('v3-ipv4-advert-int-50cs.hex', CAP+IPF+'# Config: version 3, virtual_router_id 54, priority 100, advert_int 0.5, VIP 10.77.0.54. Pseudo-header checksum.\n', ipv4_lines(V3HALF))
AS2=fix_vrrp(bytearray(V3HALF),'v2')
write('v3-ipv4-checksum-as-v2.hex', '# Provenance: DERIVED from the capture v3-ipv4-advert-int-50cs.hex: only the VRRP checksum is replaced by the\n# v2-style one (no pseudo-header), computed independently with python. keepalived 2.2.7 does not know\n# v3_checksum_as_v2 ("Unknown keyword"), so it cannot send this; newer keepalived, RFC 9568 readers, Cisco/Juniper do.\n'+IPF+'# Decodes with V3ChecksumMode.AS_V2; CHECKSUM drop with PSEUDO_HEADER.\n', ipv4_lines(AS2))
write('v3-ipv4-unicast.hex', CAP+IPF+'# Config: version 3, virtual_router_id 60, unicast_src_ip 10.77.0.1, unicast_peer 10.77.0.2, VIP 10.77.0.60.\n# Pseudo-header with the unicast destination; TTL 255 (the instance judges unicast TTLs).\n', ipv4_lines(U3))
write('v3-ipv4-old-unicast-checksum.hex', CAP+IPF+'# Config: as v3-ipv4-unicast.hex but virtual_router_id 61, VIP 10.77.0.61 and old_unicast_checksum.\n# The checksum uses 224.0.0.18 instead of the real destination 10.77.0.2 in the pseudo-header (keepalived < 1.3.6 bug):\n# decodes with V3ChecksumMode.OLD_UNICAST, CHECKSUM drop with PSEUDO_HEADER.\n', ipv4_lines(U3OLD))
write('v3-ipv6.hex', CAP+'# Form: IPv6 packet (fixed header + VRRP). The test splits the header into (payload, src, dst, hop limit) as\n# IPV6_PKTINFO/IPV6_HOPLIMIT ancillary data would give them.\n# Config: version 3, virtual_router_id 53, priority 200, advert_int 1, VIP fd00:77::53/64.\n# Note keepalived sends only the VIPs (no link-local first address) and traffic class 0xc0.\n', ipv6_lines(V6)+vrrp_lines(V6[40:],6))
B6=bytearray(V6); B6[7]=64
write('bad-hop-limit-v6.hex', '# Provenance: DERIVED from v3-ipv6.hex: hop limit 255 -> 64 (not covered by the checksum).\n# Expected: IP_TTL drop (multicast destination, RFC 5798 §7.1).\n', ipv6_lines(B6)+vrrp_lines(B6[40:],6))
D='# Provenance: DERIVED by hand from the capture v3-ipv4.hex (%s); IPv4 header and VRRP checksums recomputed\n# independently with python where the change requires, so that only the named fault remains.\n'+IPF+'# Expected: %s\n'
p=fix_ip(bytearray(V3)); p[8]=64; fix_ip(p)
write('bad-ttl.hex', D%('TTL 255 -> 64','IP_TTL drop (multicast destination needs TTL 255)'), ipv4_lines(p))
p=bytearray(V3); p[26:28]=b'\x12\x34'
write('bad-checksum.hex', D%('VRRP checksum replaced by 0x1234','CHECKSUM drop, "bad checksum 0x1234, expected 0x3881"'), ipv4_lines(p))
p=bytearray(V3); p[20]=0x41; fix_vrrp(p)
write('bad-version.hex', D%('version 3 -> 4','VERSION drop'), ipv4_lines(p))
p=bytearray(V3); p[20]=0x32; fix_vrrp(p)
write('bad-type.hex', D%('type 1 -> 2','INVALID_TYPE drop'), ipv4_lines(p))
p=bytearray(V3); p[23]=3; fix_vrrp(p)
write('bad-address-count.hex', D%('Count IPv4 Addr 2 -> 3 with only two addresses present','PACKET_LENGTH drop (3 addresses need 20 bytes, 16 present)'), ipv4_lines(p))
p=bytearray(V3[:26]); p[2:4]=(26).to_bytes(2,'big'); fix_ip(p)
write('short.hex', D%('cut after 6 VRRP bytes, total length 26','PACKET_LENGTH drop (shorter than the 8-byte VRRP header)'), ipv4_lines(p)[:11]+['# --- VRRP message, truncated', h(p[20:])+'  # version 3 type 1, VRID 52, priority 150, count 2, Max Adver Int; no checksum'])
p=bytearray(V2); p[32:40]=b'wrongpw\0'; fix_vrrp(p)
write('auth-mismatch.hex', D.replace('v3-ipv4.hex','v2-ipv4-pass-auth.hex')%('auth data "secret1" -> "wrongpw"','the CODEC DECODES IT (auth type 1, auth data "wrongpw"); the INSTANCE\n# (auth_pass secret1) rejects it with AUTH_FAILURE (RFC 3768 §7.1) - not the codec\'s business'), ipv4_lines(p))
p=bytearray(V2); p[24]=3; fix_vrrp(p)
write('bad-auth-type.hex', D.replace('v3-ipv4.hex','v2-ipv4-pass-auth.hex')%('auth type 1 -> 3','INVALID_AUTH_TYPE drop (RFC 3768 §5.3.6 defines 0, 1, 2)'), ipv4_lines(p))
p=bytearray(V3); p[9]=17; fix_ip(p)
write('bad-ip-protocol.hex', D%('IP protocol 112 -> 17','IP_HEADER drop'), ipv4_lines(p))
g=GARP
write('garp.hex', CAP+'# Form: Ethernet frame (42 bytes, unpadded as seen on the veth). Gratuitous ARP for VIP 10.77.0.51 after MASTER.\n',
  eth_lines(g)+['# --- ARP (RFC 826)','%s  # hardware type 1 (Ethernet)'%h(g[14:16]),'%s  # protocol type 0x0800'%h(g[16:18]),'%s  # hlen 6, plen 4'%h(g[18:20]),
  '%s  # operation 1 (request)'%h(g[20:22]),'%s  # sender MAC %s'%(h(g[22:28]),mac(g[22:28])),'%s  # sender IP %s (the VIP)'%(h(g[28:32]),ip(g[28:32])),
  '%s  # target MAC %s (keepalived: broadcast, RFC 5227 would use zero)'%(h(g[32:38]),mac(g[32:38])),'%s  # target IP %s (= sender IP: gratuitous)'%(h(g[38:42]),ip(g[38:42]))])
n=NA
assert cs(n[22:54]+(32).to_bytes(4,'big')+bytes([0,0,0,58])+n[54:])==0
write('na.hex', CAP+'# Form: Ethernet frame. Unsolicited Neighbor Advertisement for VIP fd00:77::53 after MASTER (RFC 4861 §7.2.6).\n',
  eth_lines(n)+ipv6_lines(n[14:54])+['# --- ICMPv6 Neighbor Advertisement (RFC 4861 §4.4)','%s  # type 136, code 0'%h(n[54:56]),'%s  # checksum 0x%s (IPv6 pseudo-header)'%(h(n[56:58]),h(n[56:58])),
  '%s  # flags: R 0, S 0, O 1; reserved'%h(n[58:62]),'%s  # target %s'%(h(n[62:78]),ip(n[62:78])),'%s  # option 2 (Target Link-Layer Address), length 1 (8 bytes)'%h(n[78:80]),'%s  # %s'%(h(n[80:86]),mac(n[80:86]))])
print(hex(int.from_bytes(AS2[26:28],'big')))
