export function Forbidden({ message }: { message: string }) {
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
      {message}
    </p>
  );
}
