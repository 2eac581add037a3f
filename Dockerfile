# The app against an external PostgreSQL (see docker-compose.yml). Inside a container the embedded
# server is not used: DATABASE_URL must point at a database service.
FROM node:20-bookworm-slim

ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first, so editing the app does not reinstall them. `npm ci` runs `prisma generate`,
# which needs the schema, its config and the offline schema-engine stand-in.
COPY --chown=node:node package.json package-lock.json prisma.config.ts ./
COPY --chown=node:node prisma/schema.prisma prisma/schema.prisma
COPY --chown=node:node scripts/prisma-engine scripts/prisma-engine
RUN npm ci

COPY --chown=node:node . .
RUN npm run build

# A server never gets the demo (its accounts have public passwords): GONGKAI_DEMO=false loads no
# demo data at all. The first administrator comes from `npm run gongkai -- admin create-user`.
ENV NODE_ENV=production PORT=3000 GONGKAI_DEMO=false
EXPOSE 3000
# Migrates, then serves (the build above is reused, not repeated); with GONGKAI_DEMO=false the seed step writes nothing.
CMD ["npm", "start"]
