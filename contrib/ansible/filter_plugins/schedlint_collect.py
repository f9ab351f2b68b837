# Filters for schedlint-collect.yml. They run on the control machine only (Ansible evaluates filters there):
# they decide, from what ansible.builtin.find and ansible.builtin.stat reported on a host, which files to bring
# back, and they assemble the per-host manifest that files/materialize.py lays out as a root for
# `schedlint fleet`. Nothing here touches a host.
import fnmatch
import os
import posixpath
import re

# What is read under /etc/letsencrypt (accounts/ and keys/ hold private keys and are never listed).
LETSENCRYPT_DIRS = ('renewal', 'renewal-hooks', 'live', 'archive')
PRIVKEY = re.compile(r'^privkey[0-9]*\.pem$')
# Files larger than the engine reads (server/src/engine/host/host.ts MAX_FILE_BYTES) are not brought back.
MAX_FILE_BYTES = 8 * 1024 * 1024
# Web-server configuration folders read whole (their files, and the links in sites-enabled, conf-enabled).
WEB_PREFIXES = (('/etc/nginx/', '/etc/nginx'), ('/etc/apache2/', '/etc/apache2'), ('/etc/httpd/', '/etc/httpd'))
# Directives naming the files a TLS site serves (nginx, then Apache; Apache's names are case-insensitive).
WEB_CERTIFICATE = re.compile(r'^\s*(ssl_certificate|sslcertificatefile|sslcertificatechainfile)\s+("[^"]*"|\'[^\']*\'|[^\s;]+)', re.I | re.M)
WEB_KEY = re.compile(r'^\s*(ssl_certificate_key|sslcertificatekeyfile)\s+("[^"]*"|\'[^\']*\'|[^\s;]+)', re.I | re.M)
WEB_INCLUDE = re.compile(r'^\s*(include|includeoptional)\s+("[^"]*"|\'[^\']*\'|[^\s;]+)', re.I | re.M)
# A private key block anywhere in a file brought back (a certificate file that also holds its key, a key left in
# a configuration folder): cut out on this machine before anything is written.
PRIVATE_KEY_BLOCK = re.compile(rb'-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?(-----END \1PRIVATE KEY-----\s*|$)', re.S)
# Scripts named by cron jobs and services: small text files only (a program is not a script to read).
MAX_SCRIPT_BYTES = 512 * 1024
# at(1)'s queue beside the cron spool: its jobs are not crontabs and may hold anything.
NOT_CRON = re.compile(r'/var/spool/cron/(atjobs|atspool)(/|$)')
# Absolute paths in a crontab line or an Exec line: `/usr/local/bin/renew.sh`, `/root/bin/x`.
ABSOLUTE = re.compile(r'(?<![\w./-])(/(?:[A-Za-z0-9._+@-]+/)*[A-Za-z0-9._+@-]+)')
# Single paths the checks read (found with one `find` over their folders, not a stat each).
SINGLES = {
    '/lib', '/bin', '/sbin', '/etc/crontab', '/etc/anacrontab', '/etc/default/cron', '/etc/passwd', '/etc/os-release',
    '/usr/lib/os-release', '/etc/timezone', '/etc/localtime', '/etc/letsencrypt/cli.ini', '/root/.config/letsencrypt/cli.ini',
    '/run/systemd/system', '/etc/nginx/nginx.conf', '/etc/apache2/apache2.conf', '/etc/apache2/ports.conf',
    '/etc/apache2/mods-enabled/ssl.conf', '/etc/apache2/mods-available/ssl.conf',
}
SCRIPT_NAME = re.compile(r'\.(sh|bash|py|pl|rb|php)$')
SECRET = re.compile(r'(shadow|secret|passw|token|credential|\.key$|\.pem$|id_rsa|id_ed25519|id_ecdsa)', re.I)
NOT_SCRIPTS = re.compile(r'^/(dev|proc|sys|run|tmp|var/tmp|var/log|var/lib|var/spool|var/cache)(/|$)')


def _host_path(root, local):
    """The host's own path of a path read under schedlint_source_root."""
    if root and local.startswith(root):
        local = local[len(root):] or '/'
    return posixpath.normpath('/' + local.lstrip('/'))


def _denied(find_result):
    """Folders find could not read (permission), as opposed to folders the host simply does not have."""
    skipped = (find_result or {}).get('skipped_paths') or {}
    return sorted(path for path, why in skipped.items() if 'not a directory' not in str(why))


def schedlint_linked(root, singles):
    """Which of /lib, /bin, /sbin are links (merged /usr): their folders are read once, under /usr."""
    return [_host_path(root, entry['path']).lstrip('/') for entry in (singles or {}).get('files', []) if entry.get('islnk') and _host_path(root, entry['path']) in ('/lib', '/bin', '/sbin')]


def schedlint_plan(root, finds, singles):
    """
    What to read after the first look: regular files to slurp, private keys whose public half is computed on
    the host instead, links to resolve (stat), folders to recreate, and folders that could not be read.
    `finds`: the registered results of the find tasks; `singles`: the find over the folders of SINGLES.
    """
    slurp, privkeys, links, dirs, unreadable = [], [], [], [], []
    for find in finds:
        for path in _denied(find):
            unreadable.append(_host_path(root, path))
        for entry in (find or {}).get('files', []):
            path = entry['path']
            host_path = _host_path(root, path)
            if NOT_CRON.search(host_path):
                continue
            parts = host_path.split('/')
            if host_path.startswith('/etc/letsencrypt/') and (len(parts) < 4 or parts[3] not in LETSENCRYPT_DIRS):
                continue
            if entry.get('islnk'):
                links.append(path)
            elif entry.get('isdir'):
                dirs.append(host_path)
            elif entry.get('isreg'):
                if PRIVKEY.match(posixpath.basename(path)) and host_path.startswith('/etc/letsencrypt/'):
                    privkeys.append(path)
                elif entry.get('size', 0) <= MAX_FILE_BYTES and not _is_unit_to_choose(host_path):
                    slurp.append(path)
    for path in _denied(singles):
        unreadable.append(_host_path(root, path))
    for entry in (singles or {}).get('files', []):
        host_path = _host_path(root, entry['path'])
        if host_path not in SINGLES:
            continue
        if entry.get('islnk'):
            # Kept as the link (/etc/localtime names the zone by its target; Debian's /etc/os-release leads to
            # /usr/lib/os-release, which is read as a single path of its own; /lib -> usr/lib on merged-/usr hosts).
            links.append(entry['path'])
        elif entry.get('isdir'):
            dirs.append(host_path)
        elif entry.get('isreg') and entry.get('size', 0) <= MAX_FILE_BYTES:
            slurp.append(entry['path'])
    return {'slurp': sorted(set(slurp)), 'privkeys': sorted(set(privkeys)), 'links': sorted(set(links)), 'dirs': sorted(set(dirs)), 'unreadable': sorted(set(unreadable))}


def _is_unit_to_choose(host_path):
    """Services are chosen after the timers are read (schedlint_services): only the ones timers start."""
    return host_path.endswith('.service') and '/systemd/' in host_path and not posixpath.basename(posixpath.dirname(host_path)).endswith(('.d', '.wants', '.requires'))


def schedlint_services(root, finds, slurped):
    """The .service files the timers start: the timer's own name, or its Unit=."""
    wanted = set()
    for result in (slurped or {}).get('results', []):
        path = result.get('item', '')
        if not path.endswith('.timer') or 'content' not in result:
            continue
        wanted.add(posixpath.basename(path)[:-len('.timer')] + '.service')
        text = _decode(result['content'])
        for match in re.finditer(r'^[ \t]*Unit[ \t]*=[ \t]*(\S+)[ \t]*$', text, re.M):
            wanted.add(match.group(1))
    chosen = []
    for find in finds:
        for entry in (find or {}).get('files', []):
            host_path = _host_path(root, entry['path'])
            if entry.get('isreg') and _is_unit_to_choose(host_path) and posixpath.basename(host_path) in wanted and entry.get('size', 0) <= MAX_FILE_BYTES:
                chosen.append(entry['path'])
    return sorted(set(chosen))


def _bytes(content):
    import base64
    return base64.b64decode(content)


def _decode(content):
    return _bytes(content).decode('utf-8', 'replace')


def schedlint_scripts(root, slurped_lists, have):
    """
    Local scripts that cron jobs and services run, one level (the engine reads into them to see what they call):
    absolute paths in crontabs and Exec lines not brought back already. Returned as one `find` over their folders
    ({'paths', 'patterns', 'wanted'}), not a stat each.
    """
    have_set = set(have or [])
    found = set()
    for slurped in slurped_lists:
        for result in (slurped or {}).get('results', []):
            path = result.get('item', '')
            host_path = _host_path(root, path)
            if 'content' not in result:
                continue
            cron = host_path in ('/etc/crontab', '/etc/anacrontab') or host_path.startswith(('/etc/cron.d/', '/var/spool/cron/'))
            unit = host_path.endswith(('.service', '.conf')) and '/systemd/' in host_path
            if not (cron or unit):
                continue
            for line in _decode(result['content']).splitlines():
                stripped = line.strip()
                if stripped.startswith('#'):
                    continue
                if unit and not re.match(r'^Exec[A-Za-z]*\s*=', stripped):
                    continue
                for match in ABSOLUTE.finditer(stripped):
                    candidate = posixpath.normpath(match.group(1))
                    if NOT_SCRIPTS.search(candidate) or candidate.startswith(('/etc/cron.', '/etc/systemd/', '/lib/systemd/', '/usr/lib/systemd/')):
                        continue
                    local = (root or '') + candidate
                    if local not in have_set:
                        found.add(local)
    wanted = sorted(found)[:200]
    return {'paths': sorted({posixpath.dirname(path) for path in wanted}), 'patterns': sorted({posixpath.basename(path) for path in wanted}), 'wanted': wanted}


def schedlint_script_files(find, wanted):
    """
    Of what the find over the scripts' folders saw: the wanted regular files that are scripts (executable, or named
    like one: `bash /root/renew.sh`) and small enough. A path a job merely mentions (`cp /etc/shadow …`) is not a
    script, and nothing named like a secret is read.
    """
    wanted_set = set(wanted or [])
    chosen = []
    for entry in (find or {}).get('files', []):
        path = entry['path']
        if path not in wanted_set or not entry.get('isreg') or entry.get('size', 0) > MAX_SCRIPT_BYTES or SECRET.search(posixpath.basename(path)):
            continue
        executable = entry.get('xusr') or entry.get('xgrp') or entry.get('xoth')
        if executable or SCRIPT_NAME.search(path):
            chosen.append(path)
    return sorted(chosen)


def schedlint_manifest(root, status, detail, collected=None):
    """
    Everything materialize.py needs to lay out the host's root on the control machine. `collected`: the
    registered results of the playbook's tasks (plan, finds, singles, slurped, links, usr, privkeys, path, scripts).
    """
    collected = collected or {}
    plan = collected.get('plan') or {}
    files, links, executables = [], [], []
    unreadable = list(plan.get('unreadable', []))
    modes = {}
    for find in list(collected.get('finds') or []) + [collected.get('path'), collected.get('singles'), collected.get('scripts')]:
        for entry in (find or {}).get('files', []):
            modes[entry['path']] = entry.get('mode')
    scripts = set(collected.get('script_paths') or [])
    for slurped in collected.get('slurped') or []:
        for result in (slurped or {}).get('results', []):
            path = result.get('item', '')
            if 'content' in result:
                # A program named in a job (not a script) is not worth a file: the checks only need its name.
                if path in scripts and b'\0' in _bytes(result['content'])[:8192]:
                    continue
                content = _without_private_keys(result['content'])
                if content is not None:
                    files.append({'path': _host_path(root, path), 'content': content, 'mode': modes.get(path) or '0644'})
            elif result.get('failed'):
                unreadable.append(_host_path(root, path))
    for stats in (collected.get('links'),):
        for result in (stats or {}).get('results', []):
            stat = result.get('stat') or {}
            if stat.get('islnk') and stat.get('lnk_target') is not None:
                links.append({'path': _host_path(root, stat['path']), 'target': stat['lnk_target']})
            elif result.get('failed'):
                unreadable.append(_host_path(root, result.get('item', '')))
    for result in (collected.get('web_combined') or {}).get('results', []):
        stdout = result.get('stdout', '') or ''
        if result.get('rc') == 0 and 'BEGIN CERTIFICATE' in stdout and 'PRIVATE' not in stdout:
            import base64
            files.append({'path': _host_path(root, result.get('item', '')), 'content': base64.b64encode((stdout.strip() + '\n').encode('utf-8')).decode('ascii'), 'mode': '0600'})
    by_path = {item['path']: item for item in files}
    for probe in (collected.get('privkeys'), collected.get('web_keys')):
        for result in (probe or {}).get('results', []):
            path = result.get('item', '')
            stdout = result.get('stdout', '') or ''
            # The public key only: the private key never leaves the host (server/src/engine/certificate/pem.ts).
            public = stdout if result.get('rc') == 0 and 'BEGIN PUBLIC KEY' in stdout and 'PRIVATE' not in stdout else ''
            host_path = _host_path(root, path)
            if host_path in by_path:
                # A file that is both certificate and key (ssl_certificate and ssl_certificate_key name it): the
                # stand-in first, then its certificates (materialize.py).
                by_path[host_path]['publicKey'] = public
                continue
            item = {'path': host_path, 'publicKey': public, 'mode': '0600'}
            by_path[host_path] = item
            files.append(item)
    for find in collected.get('web_finds') or []:
        for path in _denied(find):
            unreadable.append(_host_path(root, path))
    path_find = collected.get('path') or {}
    for entry in path_find.get('files', []):
        if entry.get('isreg') or entry.get('islnk'):
            executables.append({'path': _host_path(root, entry['path']), 'mode': entry.get('mode', '0755') if entry.get('isreg') else '0755'})
    unreadable = sorted(set(unreadable))
    if status == 'ok' and unreadable:
        status = 'partial'
    return {'status': status, 'detail': detail or '', 'unreadable': unreadable, 'files': files, 'links': links, 'dirs': plan.get('dirs', []), 'commands': executables}


def _web_prefix(host_path):
    """The server's prefix (where its relative paths start) for a file of its configuration, or None."""
    for folder, prefix in WEB_PREFIXES:
        if host_path.startswith(folder):
            return prefix
    return None


def _web_value(raw, prefix):
    """A directive's path argument as a host path: unquoted, relative to the server's prefix; None for variables."""
    value = raw.strip('"\'')
    if not value or '$' in value or value.startswith(('data:', 'engine:', 'store:', 'pkcs11:')) or '\0' in value:
        return None
    return posixpath.normpath(value if value.startswith('/') else posixpath.join(prefix, value))


def _web_configs(root, slurped_lists, extra_prefix):
    """(host path, prefix, text) of each web-server configuration file read."""
    configs = []
    for slurped in slurped_lists:
        for result in (slurped or {}).get('results', []):
            if 'content' not in result:
                continue
            host_path = _host_path(root, result.get('item', ''))
            prefix = _web_prefix(host_path) or next((value for pattern, value in (extra_prefix or {}).items() if fnmatch.fnmatchcase(host_path, pattern)), None)
            if prefix:
                configs.append((host_path, prefix, _decode(result['content'])))
    return configs


def _as_find(root, host_paths):
    """One `find` over the folders of these host paths (patterns: their names, globs kept), not a stat each."""
    wanted = sorted({(root or '') + path for path in host_paths})[:200]
    return {'paths': sorted({posixpath.dirname(path) for path in wanted}), 'patterns': sorted({posixpath.basename(path) for path in wanted}), 'wanted': wanted}


def schedlint_web_includes(root, slurped_lists):
    """
    Files the web servers' configuration includes from outside the folders read whole (`include
    /etc/letsencrypt/options-ssl-nginx.conf;`, `Include /srv/sites/*.conf`): one level, as one `find`. Each
    wanted entry may be a glob; `prefixes` says which server's prefix applies to what they name in turn.
    """
    found = {}
    for host_path, prefix, text in _web_configs(root, slurped_lists, None):
        for match in WEB_INCLUDE.finditer(text):
            target = _web_value(match.group(2), prefix)
            if not target or _web_prefix(target) or target.endswith('/') or any(ch in posixpath.dirname(target) for ch in '*?['):
                continue
            found[target] = prefix
    result = _as_find(root, found.keys())
    result['prefixes'] = found
    return result


def schedlint_web_included(find, wanted):
    """Of what the find over the included files' folders saw: the regular files an include names (globs matched)."""
    chosen = []
    for entry in (find or {}).get('files', []):
        path = entry['path']
        if entry.get('isreg') and entry.get('size', 0) <= MAX_FILE_BYTES and not SECRET.search(posixpath.basename(path)) and any(fnmatch.fnmatchcase(path, pattern) for pattern in wanted or []):
            chosen.append(path)
    return sorted(set(chosen))


def schedlint_web_files(root, slurped_lists, prefixes):
    """
    The certificate and chain files (ssl_certificate, SSLCertificateFile, SSLCertificateChainFile) and the keys
    (ssl_certificate_key, SSLCertificateKeyFile) the configuration read names, wherever they are, as one `find`.
    certbot's own files are left to the /etc/letsencrypt collection (live/ links, keys as stand-ins already).
    """
    certificates, keys = set(), set()
    for host_path, prefix, text in _web_configs(root, slurped_lists, prefixes):
        for pattern, into in ((WEB_CERTIFICATE, certificates), (WEB_KEY, keys)):
            for match in pattern.finditer(text):
                target = _web_value(match.group(2), prefix)
                if target and not target.startswith('/etc/letsencrypt/') and not any(ch in target for ch in '*?['):
                    into.add(target)
    result = _as_find(root, certificates | keys)
    # A file named as both (certificate and key in one file) is never slurped: openssl prints its certificate.
    result['certificates'] = sorted((root or '') + path for path in certificates - keys)
    result['combined'] = sorted((root or '') + path for path in certificates & keys)
    result['key_files'] = sorted((root or '') + path for path in keys)
    return result


def schedlint_web_found(find, wanted):
    """Of what the find saw: the wanted files that are there (a link is read through: slurp and openssl follow it)."""
    wanted_set = set(wanted or [])
    return sorted(entry['path'] for entry in (find or {}).get('files', []) if entry['path'] in wanted_set and (entry.get('isreg') or entry.get('islnk')) and entry.get('size', 0) <= MAX_FILE_BYTES)


def _without_private_keys(content):
    """The base64 content with every private key block cut out (None when nothing is left)."""
    import base64
    data = _bytes(content)
    if b'PRIVATE KEY-----' not in data:
        return content
    data = PRIVATE_KEY_BLOCK.sub(b'', data)
    return base64.b64encode(data).decode('ascii') if data.strip() else None


class FilterModule(object):
    def filters(self):
        return {
            'schedlint_linked': schedlint_linked,
            'schedlint_plan': schedlint_plan,
            'schedlint_services': schedlint_services,
            'schedlint_scripts': schedlint_scripts,
            'schedlint_script_files': schedlint_script_files,
            'schedlint_manifest': schedlint_manifest,
            'schedlint_web_includes': schedlint_web_includes,
            'schedlint_web_included': schedlint_web_included,
            'schedlint_web_files': schedlint_web_files,
            'schedlint_web_found': schedlint_web_found,
        }
