"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-6">
      <p>Đã có lỗi xảy ra. Vui lòng thử lại. / Something went wrong. Please try again.</p>
      <button type="button" onClick={reset} className="mt-3 rounded bg-brand-700 px-3 py-1.5 text-white">
        Thử lại / Try again
      </button>
    </div>
  );
}
