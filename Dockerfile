# ecs-tasks-mcp as a shared Streamable HTTP server (docs/deploy.md). Build: docker build -t ecs-tasks-mcp .
# Run it with an auth method, e.g. a mounted tokens file:
#   docker run -p 3000:3000 -v $PWD/tokens:/etc/ecs-tasks-mcp/tokens:ro \
#     -e ECS_TASKS_MCP_AUTH_TOKENS_FILE=/etc/ecs-tasks-mcp/tokens ecs-tasks-mcp
# (or ECS_TASKS_MCP_OIDC_ISSUER + ECS_TASKS_MCP_OIDC_AUDIENCE). Without one it refuses to start.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
# Everything `npm run build` reads (tsc, the dashboard view, the bundled entry): test/http/dockerfile.test.ts replays this stage.
COPY scripts scripts
COPY src src
RUN npm ci --no-audit --no-fund && npm run build

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
USER node
EXPOSE 3000
# The slim image has no curl: Node's own fetch asks /healthz (no auth needed there).
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.ECS_TASKS_MCP_PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "dist/index.js"]
CMD ["--http", "--host", "0.0.0.0"]
