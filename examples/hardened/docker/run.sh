#!/bin/sh
# Starts the shop web service on a single host, confined.
set -eu
docker run -d --name shop-web \
  --read-only --tmpfs /tmp \
  --cap-drop ALL --security-opt no-new-privileges \
  --user 1000:1000 \
  --memory 256m --cpus 0.5 --pids-limit 100 \
  --restart on-failure:5 \
  -p 127.0.0.1:3000:3000 \
  --network shop_frontend \
  -e NODE_ENV=production \
  ghcr.io/example/shop-web:1.4.2
