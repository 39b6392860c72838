#!/bin/sh
# Builds the jkeepalived noarch RPM from the jar and libraries Maven built (building them first, offline,
# if they are missing) with rpmbuild (Debian: apt-get install rpm). Prints the RPM's path.
#   rpm/build.sh [OUTPUT_DIR]      default rpm/target; the RPM lands in OUTPUT_DIR/RPMS/noarch/
# The version is the pom's, with -SNAPSHOT as ~SNAPSHOT (sorts before the release, as RPM wants).
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
top=$(cd "$here/.." && pwd -P)
out=${1:-$here/target}
mkdir -p "$out"
out=$(cd "$out" && pwd -P)

command -v rpmbuild >/dev/null 2>&1 || { echo "build.sh: rpmbuild not found (Debian: apt-get install rpm)" >&2; exit 1; }

if [ ! -f "$top/service/target/jkeepalived.jar" ] || [ ! -d "$top/service/target/lib" ]; then
    (cd "$top" && mvn -B -o -q -DskipTests package) >&2
fi
[ -f "$top/docs/install.md" ] || { echo "build.sh: $top/docs/install.md missing" >&2; exit 1; }

# The project's version: the first <version> of the parent pom (it has no <parent> of its own).
pomversion=$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$top/pom.xml" | head -n 1)
[ -n "$pomversion" ] || { echo "build.sh: no <version> in $top/pom.xml" >&2; exit 1; }
version=$(printf '%s' "$pomversion" | sed 's/-SNAPSHOT$/~SNAPSHOT/; s/-/_/g')
release=${JKEEPALIVED_RPM_RELEASE:-1}

have_mibs=0
for m in "$top"/mibs/*.txt; do
    [ -f "$m" ] && have_mibs=1
done

rm -rf "$out/rpmbuild" "$out/RPMS"
mkdir -p "$out/rpmbuild"
rpmbuild -bb --quiet \
    --define "_topdir $out/rpmbuild" \
    --define "_sourcedir $here" \
    --define "_rpmdir $out/RPMS" \
    --define "_build_id_links none" \
    --define "__brp_compress %{nil}" \
    --define "jk_version $version" \
    --define "jk_release $release" \
    --define "jk_build $top/service/target" \
    --define "jk_launcher $top/bin/jkeepalived" \
    --define "jk_mibs $top/mibs" \
    --define "jk_have_mibs $have_mibs" \
    --define "jk_docs $top/docs" \
    "$here/jkeepalived.spec" >&2
ls "$out"/RPMS/noarch/jkeepalived-*.noarch.rpm
