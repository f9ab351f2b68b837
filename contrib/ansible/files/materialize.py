#!/usr/bin/python3
# Lays out one host's manifest (written by schedlint-collect.yml on the control machine) as a root folder for
# `schedlint fleet`: DEST/HOST/etc/crontab, DEST/HOST/lib/systemd/system/..., links as real symlinks with the
# targets the host had (`--root` resolves absolute targets inside the root), private keys as public-key
# stand-ins, the commands on cron's PATH as empty files with their modes, and DEST/HOST/.schedlint-collect.json
# with the status. Runs on the control machine only. Never follows a link while writing (a host that reports
# /etc/cron.d as a link to / must not make us write outside DEST/HOST), and replaces the old folder in one rename.
# Usage: materialize.py MANIFEST.json DEST HOST
import base64
import datetime
import json
import os
import posixpath
import shutil
import sys

# Same text as PUBLIC_KEY_STAND_IN in server/src/engine/certificate/pem.ts (test/cli/fleet.test.ts checks).
PUBLIC_KEY_STAND_IN = '# schedlint: public key of the private key on the host (the private key was not copied)'
STATUS_FILE = '.schedlint-collect.json'


def safe_local(top, host_path):
    """The path under `top` for a host path, or None when it would leave `top` or pass through a link."""
    normal = posixpath.normpath('/' + str(host_path))
    if normal == '/' or '\0' in normal:
        return None
    parts = [part for part in normal.split('/') if part]
    if any(part in ('.', '..') for part in parts):
        return None
    current = top
    for part in parts[:-1]:
        current = os.path.join(current, part)
        if os.path.islink(current):
            return None
        if not os.path.isdir(current):
            if os.path.lexists(current):
                return None
            os.mkdir(current, 0o755)
    return os.path.join(current, parts[-1])


def write_file(top, host_path, data, mode):
    local = safe_local(top, host_path)
    if local is None or os.path.lexists(local):
        return
    fd = os.open(local, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, 'O_NOFOLLOW', 0), 0o600)
    with os.fdopen(fd, 'wb') as out:
        out.write(data)
    try:
        os.chmod(local, int(str(mode), 8) & 0o7777)
    except ValueError:
        os.chmod(local, 0o644)


def main(manifest_path, dest, host):
    if host in ('', '.', '..') or '/' in host or host.startswith('.'):
        sys.exit('materialize.py: refusing host name %r' % host)
    with open(manifest_path, encoding='utf-8') as source:
        manifest = json.load(source)
    final = os.path.join(dest, host)
    work = os.path.join(dest, '.%s.tmp-%d' % (host, os.getpid()))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work, 0o755)
    for host_path in manifest.get('dirs', []):
        local = safe_local(work, host_path)
        if local is not None and not os.path.lexists(local):
            os.mkdir(local, 0o755)
    for item in manifest.get('files', []):
        if 'publicKey' in item:
            # A certificate file that held its key too keeps its certificates after the stand-in.
            data = (PUBLIC_KEY_STAND_IN + '\n' + item['publicKey'].strip() + '\n').encode('utf-8') + base64.b64decode(item.get('content', ''))
        else:
            data = base64.b64decode(item.get('content', ''))
        write_file(work, item['path'], data, item.get('mode', '0644'))
    # A program on cron's PATH: its name and mode are what the checks ask about (is `mail` a command?).
    for item in manifest.get('commands', []):
        write_file(work, item['path'], b'', item.get('mode', '0755'))
    for item in manifest.get('links', []):
        local = safe_local(work, item['path'])
        if local is not None and not os.path.lexists(local):
            os.symlink(item['target'], local)
    status = {
        'status': manifest.get('status', 'ok'),
        'detail': manifest.get('detail', ''),
        'unreadable': manifest.get('unreadable', []),
        'collected': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
    }
    with open(os.path.join(work, STATUS_FILE), 'w', encoding='utf-8') as out:
        json.dump(status, out, indent=1)
    old = os.path.join(dest, '.%s.old-%d' % (host, os.getpid()))
    if os.path.lexists(final):
        os.rename(final, old)
    os.rename(work, final)
    shutil.rmtree(old, ignore_errors=True)


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit('usage: materialize.py MANIFEST.json DEST HOST')
    main(*sys.argv[1:])
