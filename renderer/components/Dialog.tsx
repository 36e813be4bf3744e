import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: the browser traps focus and marks the rest
 * of the page inert, so assistive keypads cannot wander behind it.
 */
export function Dialog({
  open,
  labelledBy,
  onCancel,
  hidesScreen = false,
  children,
}: {
  readonly open: boolean;
  readonly labelledBy: string;
  readonly onCancel: () => void;
  /** The screen behind cannot be read through the backdrop (someone walked away from their details). */
  readonly hidesScreen?: boolean;
  readonly children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={hidesScreen ? 'dialog dialog-hides-screen' : 'dialog'}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {open && children}
    </dialog>
  );
}
