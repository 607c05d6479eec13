import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-12 text-center">
      <h1 className="text-2xl font-bold">404</h1>
      <p className="mt-2">Không tìm thấy trang. / Page not found.</p>
      <Link href="/vi" className="mt-4 inline-block text-brand-700 underline">
        Trang chủ / Home
      </Link>
    </div>
  );
}
