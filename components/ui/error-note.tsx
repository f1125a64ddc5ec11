export function ErrorNote({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md bg-rose-50 px-3 py-1.5 text-sm text-rose-700 ring-1 ring-inset ring-rose-200">
      {error.message}
    </p>
  );
}
