# syntax=docker/dockerfile:1
#
# One image for the five LERS services; the command picks the service:
#   docker build -t lers:local .
#   docker run --env-file … lers:local node dist/services/access/src/main.js
# docker-compose.yml builds it and sets each service's command and environment.
# Checked without a Docker engine by test/deploy/compose.spec.ts.

# Node 22.12+ at least: several production dependencies (nestjs-pino, cookie,
# content-disposition) require it. Override with --build-arg NODE_IMAGE=… to try another.
ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: all dependencies, compile TypeScript to dist/ ------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: none that the build or the services need (they would only run telemetry).
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY services ./services
RUN npm run build

# --- prod-deps: production dependencies only ---------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime: compiled code and production dependencies, run as the unprivileged `node` -------
FROM ${NODE_IMAGE} AS runtime
ARG LERS_VERSION=dev
LABEL org.opencontainers.image.title="LERS" \
      org.opencontainers.image.description="Law Enforcement Request System: gateway, access, requests, preservation and notification services" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${LERS_VERSION}"
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    LERS_VERSION=${LERS_VERSION}
WORKDIR /app
# Owned by root and read-only to the service user: the code cannot be changed at run time.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000 3001 3002 3003 3004
CMD ["node", "dist/services/gateway/src/main.js"]
