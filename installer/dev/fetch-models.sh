#!/usr/bin/env bash
# Fetches dlib's face models and example photos from Debian's dlib source package,
# checks each file against resources/models/SHA256SUMS and installs them into
#   models:  ${MADOGUCHI_MODELS_DIR:-${XDG_CACHE_HOME:-~/.cache}/madoguchi/models}
#   samples: ${MADOGUCHI_SAMPLES_DIR:-${XDG_CACHE_HOME:-~/.cache}/madoguchi/samples}
# Skips all work when every file is already present with the right hash. Safe to rerun.
# Does not touch the system's apt sources: a private source list and list directory are used.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Installed by the madoguchi-workstation package as /usr/share/madoguchi/fetch-models.sh with
# SHA256SUMS beside it; in the source tree it is installer/dev/ and the sums are in resources/.
if [ -f "$here/SHA256SUMS" ]; then
    sums="$here/SHA256SUMS"
    deps_hint="install them with apt-get"
else
    repo=$(cd "$here/../.." && pwd)
    sums="$repo/resources/models/SHA256SUMS"
    deps_hint="run installer/dev/install-deps.sh"
fi
cache="${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi"
models_dir="${MADOGUCHI_MODELS_DIR:-$cache/models}"
samples_dir="${MADOGUCHI_SAMPLES_DIR:-$cache/samples}"

# Each line of SHA256SUMS is "<sha256>  <kind>/<relative path>", kind being models or samples.
target_of() {
    case "$1" in
        models/*) echo "$models_dir/${1#models/}" ;;
        samples/*) echo "$samples_dir/${1#samples/}" ;;
        *) echo "fetch-models: unknown entry $1 in $sums" >&2; exit 1 ;;
    esac
}

all_present() {
    local sum name target
    while read -r sum name; do
        [ -n "$sum" ] || continue
        target=$(target_of "$name")
        [ -f "$target" ] || return 1
        [ "$(sha256sum "$target" | cut -d' ' -f1)" = "$sum" ] || return 1
    done < "$sums"
    return 0
}

if all_present; then
    echo "fetch-models: all files present and verified in $models_dir and $samples_dir"
    exit 0
fi

for tool in bzip2 apt-get sha256sum tar; do
    command -v "$tool" >/dev/null || { echo "fetch-models: '$tool' is missing; $deps_hint" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-models.XXXXXX")
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"   # apt's download sandbox user must be able to write here

# A private deb-src entry, taking the mirror the system already uses.
mirror=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1 || true)
if [ -z "$mirror" ]; then
    mirror=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | head -n1 || true)
fi
mirror=${mirror:-http://deb.debian.org/debian}
echo "deb-src $mirror bookworm main" > "$work/sources.list"
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache")
echo "fetch-models: downloading Debian's dlib source package from $mirror (about 210 MB)"
apt-get "${apt_opts[@]}" update -qq
(cd "$work" && apt-get "${apt_opts[@]}" source --download-only -qq dlib)

models_tar=$(ls "$work"/dlib_*.orig-dlib-models.tar.* | head -n1)
main_tar=$(ls "$work"/dlib_*.orig.tar.* | head -n1)
mkdir -p "$work/models" "$work/main"
model_names=$(awk '$2 ~ /^models\// {sub("^models/", "", $2); print "*/" $2}' "$sums")
# shellcheck disable=SC2086 # word splitting of the pattern list is intended
tar -xf "$models_tar" -C "$work/models" --wildcards $model_names
tar -xf "$main_tar" -C "$work/main" --wildcards '*/examples/johns/*' '*/examples/faces/*'

# Model files may be shipped compressed; find each by name, decompressing when needed.
find_model() {
    local name=$1 found
    found=$(find "$work/models" -name "$name" -type f | head -n1)
    if [ -z "$found" ]; then
        found=$(find "$work/models" -name "$name.bz2" -type f | head -n1)
        [ -n "$found" ] && { bzip2 -dkc "$found" > "$work/$name"; found="$work/$name"; }
    fi
    if [ -z "$found" ] && [ -f "/usr/share/dlib/$name" ]; then
        found="/usr/share/dlib/$name"   # libdlib-data ships the 68-point predictor
    fi
    echo "$found"
}

examples=$(find "$work/main" -type d -name examples | head -n1)
failed=0
while read -r sum name; do
    [ -n "$sum" ] || continue
    target=$(target_of "$name")
    case "$name" in
        models/*) src=$(find_model "$(basename "$name")") ;;
        samples/*) src="$examples/${name#samples/}" ;;
    esac
    if [ -z "$src" ] || [ ! -f "$src" ]; then
        echo "fetch-models: $name not found in the source package" >&2; failed=1; continue
    fi
    actual=$(sha256sum "$src" | cut -d' ' -f1)
    if [ "$actual" != "$sum" ]; then
        echo "fetch-models: $name has SHA-256 $actual, expected $sum" >&2; failed=1; continue
    fi
    mkdir -p "$(dirname "$target")"
    cp "$src" "$target.part" && mv "$target.part" "$target"
done < "$sums"

[ "$failed" -eq 0 ] || exit 1
echo "fetch-models: installed models in $models_dir and samples in $samples_dir"
