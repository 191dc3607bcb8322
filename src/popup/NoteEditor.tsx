import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { FIELD_LIMITS } from '../model/field-limits';
import { t } from '../shared/i18n';
import { SaveCancel } from './SaveCancel';

/** The user's own private note on an invitation; an empty note removes it. */
export function NoteEditor({
  note,
  personName,
  onSave,
  onCancel,
}: {
  note: string | null;
  personName: string;
  onSave: (note: string | null) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(note ?? '');
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  useEffect(() => field.current?.focus(), []);
  const tooLong = draft.length > FIELD_LIMITS.note;

  return (
    <form
      class="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (!tooLong) onSave(draft.trim() ? draft : null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <label for={fieldId}>{t('note_label', personName)}</label>
      <textarea
        id={fieldId}
        ref={field}
        rows={3}
        value={draft}
        aria-invalid={tooLong}
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      {tooLong && <p class="field-error">{t('note_too_long', FIELD_LIMITS.note)}</p>}
      <SaveCancel label={t('note_save')} disabled={tooLong} onCancel={onCancel} />
    </form>
  );
}
