#!/bin/sh
# Install Penholder for one user (default ~/.local) or into any prefix:
#   ./install.sh                  # ~/.local: ~/.local/bin/penholder, menu entry, file type
#   ./install.sh --prefix DIR     # e.g. /opt/penholder or /usr/local (as root)
#   ./install.sh --uninstall [--prefix DIR]   (also PREFIX/lib/penholder/install.sh --uninstall)
# Puts the application in PREFIX/lib/penholder, a "penholder" launcher in PREFIX/bin, the menu
# entry in PREFIX/share/applications, the icon in PREFIX/share/icons/hicolor and the .penholder
# file type in PREFIX/share/mime, then refreshes the desktop's caches where their tools exist.
set -eu

prefix="${HOME:-}/.local"
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
              prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$prefix" ]; then
  echo "install.sh: no prefix (HOME is not set): give --prefix DIR" >&2
  exit 2
fi
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac

here="$(cd "$(dirname "$0")" && pwd)"
app_id=org.penholder.Penholder
lib="$prefix/lib/penholder"
bin="$prefix/bin/penholder"
desktop="$prefix/share/applications/$app_id.desktop"
mime="$prefix/share/mime/packages/$app_id.xml"
icons="$prefix/share/icons/hicolor"

refresh() {
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$prefix/share/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$prefix/share/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$icons" >/dev/null 2>&1 || true
  fi
}

if [ "$action" = uninstall ]; then
  rm -rf "$lib"
  rm -f "$bin" "$desktop" "$mime"
  find "$icons" -name "$app_id.*" -type f -exec rm -f {} + 2>/dev/null || true
  refresh
  echo "Penholder removed from $prefix"
  exit 0
fi

if [ ! -x "$here/penholder/penholder" ]; then
  echo "install.sh: $here/penholder/penholder is missing: run this script from the unpacked archive" >&2
  exit 1
fi

mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/mime/packages"
# The new copy goes in beside the old one and replaces it in one step.
rm -rf "$lib.new"
cp -R "$here/penholder" "$lib.new"
cp "$0" "$lib.new/install.sh"  # for: PREFIX/lib/penholder/install.sh --uninstall --prefix PREFIX
rm -rf "$lib"
mv "$lib.new" "$lib"

cat > "$bin.new" <<LAUNCHER
#!/bin/sh
exec "$lib/penholder" "\$@"
LAUNCHER
chmod 755 "$bin.new"
mv "$bin.new" "$bin"

sed "s|@EXEC@|\"$bin\"|" "$here/share/applications/$app_id.desktop" > "$desktop"
cp "$here/share/mime/packages/$app_id.xml" "$mime"
for size_dir in "$here"/share/icons/hicolor/*; do
  size=$(basename "$size_dir")
  mkdir -p "$icons/$size/apps"
  cp "$size_dir/apps/"* "$icons/$size/apps/"
done
refresh

echo "Penholder installed in $lib"
echo "  start it from the applications menu, by opening a .penholder file, or with: $bin"
case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *) echo "  ($prefix/bin is not on your PATH: add it to run 'penholder' by name)" ;;
esac
