#!/usr/bin/env bash
# Builds (once) what run-in-vm.sh boots: Debian's stock kernel as an ELF vmlinux (PVH entry), the .ko files it needs
# for 9p/overlay/ip_vs, and a busybox initramfs. Prints the cache's kernel directory on stdout.
# The kernel package is downloaded with apt-get and unpacked here; it is never installed on this machine.
# Env: IPVS_VM_CACHE (default ~/.cache/jkeepalived-vm), IPVS_VM_KPKG (pin e.g. linux-image-6.1.0-56-amd64),
#      IPVS_VM_EXTRA_MODULES (more module names to load, space separated), IPVS_VM_VERBOSE=1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${IPVS_VM_CACHE:-$HOME/.cache/jkeepalived-vm}
say() { [ "${IPVS_VM_VERBOSE:-0}" = 1 ] && echo "build-cache: $*" >&2 || true; }
die() { echo "build-cache: $*" >&2; exit 125; }

for tool in busybox dpkg-deb apt-get xz md5sum flock; do
  command -v "$tool" >/dev/null || die "needs '$tool' (apt-get install --no-install-recommends qemu-system-x86 busybox-static)"
done
busybox_bin=$(command -v busybox)
file -L "$busybox_bin" 2>/dev/null | grep -q dynamic && die "$busybox_bin is dynamically linked; install busybox-static"
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9

kpkg=${IPVS_VM_KPKG:-}
if [ -z "$kpkg" ]; then
  # linux-image-amd64 is a metapackage: its Depends names the current ABI (e.g. linux-image-6.1.0-56-amd64).
  kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  [ -n "$kpkg" ] || { apt-get update -qq >&2; kpkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}'); }
  [ -n "$kpkg" ] || die "cannot resolve linux-image-amd64 to a kernel package"
fi
kdir=$cache/$kpkg
roots=(virtio_pci 9pnet_virtio 9p overlay ip_vs
       ip_vs_rr ip_vs_wrr ip_vs_lc ip_vs_wlc ip_vs_fo ip_vs_ovf ip_vs_lblc ip_vs_lblcr ip_vs_dh ip_vs_sh ip_vs_sed
       ip_vs_nq ip_vs_mh ip_vs_pe_sip dummy veth ${IPVS_VM_EXTRA_MODULES:-})
# The cache holds only the modules of the last root list: another list (IPVS_VM_EXTRA_MODULES) unpacks again.
[ "$(cat "$kdir/roots" 2>/dev/null)" = "${roots[*]}" ] || rm -rf "$kdir"

# The initramfs key: its inputs (busybox, init, this script, the kernel, the module roots). A hit skips all below.
key=$( { md5sum "$busybox_bin" "$here/init" "$here/build-cache.sh" | cut -d' ' -f1; echo "$kpkg ${roots[*]}"; } \
       | md5sum | cut -d' ' -f1)
if [ -s "$kdir/vmlinux" ] && [ -s "$kdir/initrd-$key.gz" ]; then
  ln -sfn "initrd-$key.gz" "$kdir/initrd.gz"
  echo "$kdir"
  exit 0
fi

# 1. kernel + modules (the only slow step: ~70 MB download and extraction)
if [ ! -s "$kdir/vmlinux" ] || [ ! -d "$kdir/lib/modules" ]; then
  t0=$SECONDS
  tmp=$(mktemp -d "$cache/tmp.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && { apt-get download "$kpkg" >/dev/null 2>&1 || { apt-get update -qq && apt-get download "$kpkg" >/dev/null; }; }) \
    || die "apt-get download $kpkg failed"
  deb=$(ls "$tmp"/*.deb)
  mkdir -p "$tmp/x"
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp/x" --wildcards './boot/vmlinuz-*' './lib/modules/*/kernel/*'
  rm -f "$deb"
  # The bzImage carries an xz payload: unpacking it on the host saves ~3 s of in-guest decompression, and the
  # resulting ELF has a PVH note so qemu boots it directly.
  vmlinuz=$(ls "$tmp"/x/boot/vmlinuz-*)
  off=$(LC_ALL=C grep -obUa $'\xfd7zXZ\x00' "$vmlinuz" | head -1 | cut -d: -f1)
  [ -n "$off" ] || die "no xz payload in $vmlinuz"
  # --single-stream stops at the payload's end, so tail may die of SIGPIPE: only xz's status counts.
  { tail -c +"$((off + 1))" "$vmlinuz" || true; } | xz -dc --single-stream > "$tmp/vmlinux" \
    || die "xz payload of $vmlinuz does not decompress"
  head -c 4 "$tmp/vmlinux" | grep -q $'\x7fELF' || die "decompressed payload is not an ELF vmlinux"
  rm -rf "$kdir"; mkdir -p "$kdir"
  mv "$tmp/vmlinux" "$kdir/vmlinux"
  mv "$tmp/x/lib" "$kdir/lib"   # all modules (~400 MB unpacked) are pruned below to the ones we load
  rm -rf "$tmp"; trap - EXIT
  say "kernel $kpkg downloaded and unpacked in $((SECONDS - t0)) s"
  echo full > "$kdir/.modules-full"
  echo "${roots[*]}" > "$kdir/roots"
fi

# 2. module load order from each .ko's .modinfo depends= (the .deb has no modules.dep: depmod runs in postinst)
moddir=$(ls -d "$kdir"/lib/modules/*/kernel)
declare -A path_of deps_of state
index() {
  local f name
  while IFS=$'\t' read -r name f; do
    name=${name%%.ko*}; name=${name//-/_}
    path_of[$name]=$f
  done < <(find "$moddir" -name '*.ko*' -printf '%f\t%p\n')
}
index
modinfo_field() { # $1 path, $2 field
  case "$1" in
    *.ko.xz) xz -dc "$1" ;; *.ko.zst) zstd -dc "$1" ;; *) cat "$1" ;;
  esac | tr '\0' '\n' | LC_ALL=C grep -a "^$2=" | head -1 | cut -d= -f2-
}
order=()
visit() {
  local m=$1 d
  [ "${state[$m]:-}" = done ] && return 0
  [ "${state[$m]:-}" = busy ] && die "module dependency cycle at $m"
  if [ -z "${path_of[$m]:-}" ]; then say "module $m not found: assumed built in"; state[$m]=done; return 0; fi
  state[$m]=busy
  # libcrc32c needs a crc32c implementation: a softdep, absent from depends=.
  [ "$m" = libcrc32c ] && visit crc32c_generic
  for d in $(modinfo_field "${path_of[$m]}" depends | tr ',' ' '); do visit "${d//-/_}"; done
  state[$m]=done
  order+=("$m")
}
for r in "${roots[@]}"; do visit "$r"; done

# Prune to the modules we load (keeps the cache at ~75 MB); a later run with other EXTRA_MODULES re-downloads.
if [ -f "$kdir/.modules-full" ]; then
  keep=$(mktemp -d "$cache/tmp.XXXXXX")
  for m in "${order[@]}"; do cp "${path_of[$m]}" "$keep/"; done
  rm -rf "$kdir/lib" && mkdir -p "$kdir/lib/modules/$(basename "$(dirname "$moddir")")"
  mv "$keep" "$kdir/lib/modules/$(basename "$(dirname "$moddir")")/kernel"
  rm -f "$kdir/.modules-full"
fi
moddir=$(ls -d "$kdir"/lib/modules/*/kernel)
unset path_of; declare -A path_of; index
missing=()
for m in "${order[@]}"; do [ -n "${path_of[$m]:-}" ] || missing+=("$m"); done
if [ "${#missing[@]}" -gt 0 ]; then
  say "modules ${missing[*]} not in the pruned cache: unpacking the kernel again"
  rm -rf "$kdir"; exec 9>&-; exec "$0"
fi

# 3. initramfs: static busybox, the modules, /init. Rebuilt only when its inputs change (md5 key above).
if [ ! -s "$kdir/initrd-$key.gz" ]; then
  t0=$SECONDS
  root=$(mktemp -d "$cache/tmp.XXXXXX")
  trap 'rm -rf "$root"' EXIT
  mkdir -p "$root"/{bin,dev,proc,sys,modules,host,ovl,newroot}
  cp "$busybox_bin" "$root/bin/busybox"
  # only the applets init uses; linking every applet would include bin/busybox -> busybox (a loop: init fails -40)
  for a in sh mount umount mkdir insmod ip chroot stty poweroff cat echo sleep sync; do ln -s busybox "$root/bin/$a"; done
  for m in "${order[@]}"; do
    f=${path_of[$m]}
    case "$f" in
      *.ko.xz) xz -dc "$f" > "$root/modules/$m.ko" ;;
      *.ko.zst) zstd -dc "$f" > "$root/modules/$m.ko" ;;
      *) cp "$f" "$root/modules/$m.ko" ;;
    esac
  done
  printf '%s\n' "${order[@]}" > "$root/modules/order"
  cp "$here/init" "$root/init"; chmod 755 "$root/init"
  (cd "$root" && find . | LC_ALL=C sort | busybox cpio -o -H newc 2>/dev/null | gzip -6) > "$kdir/initrd.tmp"
  rm -f "$kdir"/initrd-*.gz
  mv "$kdir/initrd.tmp" "$kdir/initrd-$key.gz"
  rm -rf "$root"; trap - EXIT
  say "initramfs with ${#order[@]} modules (${order[*]}) built in $((SECONDS - t0)) s"
fi
ln -sfn "initrd-$key.gz" "$kdir/initrd.gz"
echo "$kdir"
