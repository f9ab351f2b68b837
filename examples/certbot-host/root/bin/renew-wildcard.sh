#!/bin/bash
# Renew the wildcard certificate through DNS-01, then hand it to the other servers.
set -eu
DOMAIN=example.jp
LIVE=/etc/letsencrypt/live/$DOMAIN

before=$(stat -c %Y "$LIVE/fullchain.pem")
certbot certonly --manual --preferred-challenges dns-01 \
  --manual-auth-hook /root/bin/auth-hook.php \
  --manual-cleanup-hook /root/bin/cleanup-hook.php \
  -d "$DOMAIN" -d "*.$DOMAIN" --keep-until-expiring --non-interactive
after=$(stat -c %Y "$LIVE/fullchain.pem")

if [ "$before" != "$after" ]; then
  for host in web1 web2 mail1; do
    scp "$LIVE/fullchain.pem" "$LIVE/privkey.pem" "deploy@$host:/etc/ssl/$DOMAIN/"
  done
fi
