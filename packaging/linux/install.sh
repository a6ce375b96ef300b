#!/bin/sh
# Install the Dataroom bundle for the current user, without root: the folder goes to ~/.local/lib/dataroom,
# `dataroom` and `dataroom-app` to ~/.local/bin, and the menu entry, icons and file types (.drpkt, .drcard,
# .drnda, .drbak) to ~/.local/share. Run it from the unpacked bundle folder:
#
#   ./install.sh               install or update (an update replaces the folder only once the copy is complete)
#   ./install.sh --uninstall   remove all of it again (vaults, settings and backups are never touched)
#
# DATAROOM_INSTALL_DIR overrides where the folder goes. Works offline; the desktop database tools are used only
# when present (update-desktop-database, update-mime-database, gtk-update-icon-cache, xdg-mime).
set -eu

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd -P)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bindir=$HOME/.local/bin
dest=${DATAROOM_INSTALL_DIR:-$HOME/.local/lib/dataroom}
types="application/x-dataroom-packet application/x-dataroom-card application/x-dataroom-nda application/x-dataroom-backup"
sizes="16 24 32 48 64 128 256 512"

say() { printf 'install.sh: %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
is_bundle() { [ -x "$1/dataroom" ] && [ -x "$1/dataroom-app" ] && [ -d "$1/_internal" ]; }

refresh() {
    if have update-desktop-database; then update-desktop-database -q "$data/applications" || true; fi
    if have update-mime-database; then update-mime-database "$data/mime" || true; fi
    if have gtk-update-icon-cache && [ -f "$data/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
    fi
}

uninstall() {
    for name in dataroom dataroom-app; do
        link=$bindir/$name
        if [ -L "$link" ] && [ "$(readlink "$link")" = "$dest/$name" ]; then rm -f "$link"; fi
    done
    rm -f "$data/applications/dataroom.desktop" "$data/mime/packages/dataroom.xml"
    rm -f "$data/icons/hicolor/scalable/apps/dataroom.svg"
    for size in $sizes; do rm -f "$data/icons/hicolor/${size}x${size}/apps/dataroom.png"; done
    if is_bundle "$dest"; then rm -rf "$dest"; fi
    refresh
    say "removed Dataroom from $dest (your vaults and settings are untouched)"
}

case "${1:-}" in
    "") ;;
    --uninstall) uninstall; exit 0 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) say "unknown option $1 (use --uninstall or --help)" >&2; exit 2 ;;
esac

if ! is_bundle "$here"; then
    say "run me from the unpacked dataroom folder (the one holding dataroom, dataroom-app and _internal)" >&2
    exit 1
fi

# 1. The folder: copied beside the old one first, then swapped in, so a failed copy never breaks an install.
#    cp -a keeps the hard link dataroom-app -> dataroom and the library symlinks.
if [ "$here" != "$dest" ]; then
    mkdir -p "$(dirname -- "$dest")"
    rm -rf "$dest.new" "$dest.old"
    cp -a "$here" "$dest.new"
    if [ -e "$dest" ]; then
        if ! is_bundle "$dest"; then
            rm -rf "$dest.new"
            say "$dest exists and is not a Dataroom bundle; not replacing it" >&2
            exit 1
        fi
        mv "$dest" "$dest.old"
    fi
    mv "$dest.new" "$dest"
    rm -rf "$dest.old"
fi

# 2. The commands.
mkdir -p "$bindir"
ln -sf "$dest/dataroom" "$bindir/dataroom"
ln -sf "$dest/dataroom-app" "$bindir/dataroom-app"

# 3. The menu entry, with the full path: ~/.local/bin is not on every desktop session's PATH.
mkdir -p "$data/applications"
sed -e "s|^Exec=dataroom-app|Exec=\"$dest/dataroom-app\"|" -e "s|^TryExec=dataroom-app|TryExec=$dest/dataroom-app|" \
    "$dest/share/applications/dataroom.desktop" >"$data/applications/dataroom.desktop"

# 4. Icons and file types.
for size in $sizes; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$dest/share/icons/hicolor/${size}x${size}/apps/dataroom.png" "$data/icons/hicolor/${size}x${size}/apps/"
done
mkdir -p "$data/icons/hicolor/scalable/apps" "$data/mime/packages"
cp "$dest/share/icons/hicolor/scalable/apps/dataroom.svg" "$data/icons/hicolor/scalable/apps/"
cp "$dest/share/mime/packages/dataroom.xml" "$data/mime/packages/dataroom.xml"
refresh
# Packets and backups are zip files underneath: without this an archive manager may claim them.
if have xdg-mime; then
    for type in $types; do xdg-mime default dataroom.desktop "$type" 2>/dev/null || true; done
fi

say "installed in $dest"
case ":$PATH:" in
    *":$bindir:"*) ;;
    *) say "add $bindir to your PATH to run 'dataroom' from a terminal" ;;
esac
"$dest/dataroom" --version >/dev/null 2>&1 || say "warning: $dest/dataroom does not start; run it to see why" >&2
