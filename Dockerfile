# mock-pacer image: `docker run -p 8080:8080 -v mock-pacer-data:/data IMAGE`.
# Three stages so the runtime image carries neither compilers nor dev dependencies:
#   build  - all dependencies (better-sqlite3 compiles from source when no prebuilt binary fits), tsc -> dist/
#   deps   - the build's node_modules pruned to production dependencies (no second compile)
#   final  - node:22-bookworm-slim, non-root `node`, dist/ + views/ + migrations + seeds

FROM node:22-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies before sources: this layer stays cached until package*.json change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY server ./server
COPY db ./db
COPY seeds ./seeds
COPY scripts/bundle.mjs ./scripts/bundle.mjs
RUN npm run build

FROM build AS deps
RUN npm prune --omit=dev --no-audit --no-fund \
 # Keep only better-sqlite3's compiled addon: its C sources and object files are ~25 MB.
 && cd node_modules/better-sqlite3 \
 && mv build/Release/better_sqlite3.node /tmp/ \
 && rm -rf build deps src \
 && mkdir -p build/Release && mv /tmp/better_sqlite3.node build/Release/

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATABASE_PATH=/data/mock-pacer.sqlite
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY views ./views
COPY db/migrations ./db/migrations
COPY seeds/*.json ./seeds/
# Files stay root-owned (read-only for the server); only /data is the node user's.
# `npx mock-pacer ...` (docker exec) runs the trainer CLI through the node_modules/.bin link. The
# image's package.json drops its "bin": given a project's own bin, npm 10's npx installs the
# project into its cache and chmods the root-owned launcher, which the node user may not do.
RUN mkdir -p node_modules/.bin /data \
 && ln -s ../../bin/mock-pacer.js node_modules/.bin/mock-pacer \
 && node -e "const fs=require('fs');const p=JSON.parse(fs.readFileSync('package.json','utf8'));delete p.bin;fs.writeFileSync('package.json',JSON.stringify(p,null,2)+'\\n')" \
 && chown node:node /data
USER node
VOLUME ["/data"]
# HTTP, and HTTPS (TLS_PORT) with a self-signed certificate made on first start and kept in /data.
EXPOSE 8080 8443
# Node's own fetch: the slim image has no curl or wget.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/__admin/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/bundle/main.mjs"]
