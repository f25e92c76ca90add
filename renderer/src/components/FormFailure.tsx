/** A failure that needs the user's attention, in their language; nothing when there is none. */
export function FormFailure({ message }: { message: string }) {
  if (!message) return null;
  return (
    <p className="form-failure" role="alert">
      {message}
    </p>
  );
}
