import { Dialog } from './Dialog';

/**
 * "Are you sure?" before something that throws away a citizen's answers:
 * staying is the focused, primary choice, so a stray tap or Enter keeps
 * the work; going on is the second button.
 */
export function ConfirmDialog(props: {
  readonly open: boolean;
  /** The title's element id (the dialog is labelled by it). */
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly stay: string;
  readonly confirm: string;
  readonly onStay: () => void;
  readonly onConfirm: () => void;
}) {
  return (
    <Dialog open={props.open} labelledBy={props.id} onCancel={props.onStay}>
      <h2 id={props.id} className="dialog-title">
        {props.title}
      </h2>
      <p className="dialog-body">{props.body}</p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" autoFocus onClick={props.onStay}>
          {props.stay}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </Dialog>
  );
}
