// The one way a screen shows a failed call: announced to screen readers, nothing when there is none.
export function ErrorAlert({ error }: { error: string | undefined | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}
