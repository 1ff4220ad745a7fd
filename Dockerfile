# Stadskamer: one image for the server and the built web client.
FROM node:20-bookworm-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# postinstall applies our small upstream-style fixes to dependencies (patches/README.md).
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build
ENV HOST=0.0.0.0 PORT=8787 DATA_DIR=/data
EXPOSE 8787
VOLUME /data
CMD ["npx", "tsx", "server/main.ts"]
