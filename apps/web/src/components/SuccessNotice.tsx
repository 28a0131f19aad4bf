/** A confirmation announced to screen readers when it appears; nothing while `text` is empty. */
export function SuccessNotice({ text }: { text: string | null | undefined | false }) {
  return (
    <div aria-live="polite">
      {text && (
        <div className="alert alert-success">
          <p className="alert-text">{text}</p>
        </div>
      )}
    </div>
  );
}
