#!/bin/sh
# Builds and starts the shop web service on a single host.
docker build -t shop-web:latest .
docker run -d --name shop-web \
  --privileged \
  -p 3000:3000 \
  -v /var/run/docker.sock:/var/run/docker.sock \
  -e SESSION_SECRET=9f8d7c6b5a4e3d2c1b0aZ \
  shop-web:latest
