# Production image: the portal against an external PostgreSQL (DATABASE_URL).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000
COPY package.json package-lock.json ./
COPY prisma ./prisma
RUN npm install --no-audit --no-fund
COPY . .
RUN npx next build
EXPOSE 3000
# Applies migrations and seeds (idempotent), then serves.
CMD ["node_modules/.bin/tsx", "src/cli/start.ts", "--no-build"]
