import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { FIELD_LIMITS } from '../model/field-limits';
import type { Settings, SuggestionKind } from '../model/settings';
import { fillTemplate, templateFor } from '../rules';
import { t } from '../shared/i18n';
import { loadSettings } from '../shared/settings-store';
import { defaultTemplates, KINDS_WITH_TEMPLATE } from '../shared/templates';
import { SUGGESTION_TITLE } from '../shared/ui/format';
import { problemText } from '../shared/ui/problem-text';
import type { SaveSettings } from '../shared/ui/setting-limits';

/** Typing saves after this pause (storage.sync allows few writes a minute); leaving saves at once. */
const SAVE_DELAY_MS = 500;

/**
 * One kind's message as being edited: saved after a pause in typing or at once on leaving,
 * only while valid, and only when it differs from what is stored.
 */
function useTemplateDraft(kind: SuggestionKind, settings: Settings, save: SaveSettings) {
  const fallback = defaultTemplates(t)(kind);
  const stored = templateFor(kind, settings, () => fallback);
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (timer.current === null) setDraft(stored);
  }, [stored]);

  const commit = async (text: string) => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (text.length > FIELD_LIMITS.template) return;
    if (text === stored) return;
    // Only templates that differ from the default are stored, so better defaults still arrive.
    // Read afresh: another template may have been saved since this one was rendered.
    const templates = { ...(await loadSettings()).templates };
    if (text === fallback) delete templates[kind];
    else templates[kind] = text;
    try {
      await save({ templates });
    } catch (cause) {
      setError(problemText(cause));
    }
  };

  const onInput = (text: string) => {
    setDraft(text);
    const tooLong = text.length > FIELD_LIMITS.template;
    setError(tooLong ? t('error_template_too_long', FIELD_LIMITS.template) : null);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = tooLong ? null : setTimeout(() => void commit(text), SAVE_DELAY_MS);
  };

  const restore = () => {
    setDraft(fallback);
    setError(null);
    void commit(fallback);
  };

  return { draft, error, isDefault: draft === fallback, onInput, onBlur: () => void commit(draft), restore };
}

/** One suggestion kind's message: edited, previewed for a sample person, restorable. */
function TemplateField({ kind, settings, save }: { kind: SuggestionKind; settings: Settings; save: SaveSettings }) {
  const { draft, error, isDefault, onInput, onBlur, restore } = useTemplateDraft(kind, settings, save);
  const id = useId();

  const sample = { name: t('preview_sample_name'), headline: t('preview_sample_headline') };
  return (
    <div class="template">
      <label for={id}>{t(SUGGESTION_TITLE[kind])}</label>
      <textarea
        id={id}
        rows={3}
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={`${id}-preview`}
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={onBlur}
      />
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <p class="preview" id={`${id}-preview`}>
        <span class="preview-label">{t('template_preview')}</span> {fillTemplate(draft, sample)}
      </p>
      {!isDefault && (
        <button type="button" class="small" onClick={restore}>
          {t('template_restore', t(SUGGESTION_TITLE[kind]))}
        </button>
      )}
    </div>
  );
}

/** Every suggestion kind that has a message (waiting, and 'none', have nothing to say). */
const EDITABLE_KINDS = KINDS_WITH_TEMPLATE;

export function TemplateEditor({ settings, save }: { settings: Settings; save: SaveSettings }) {
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templates_title')}</h2>
      <p class="hint">{t('templates_hint', ['{firstName}', '{name}', '{headline}'])}</p>
      {EDITABLE_KINDS.map((kind) => (
        <TemplateField key={kind} kind={kind} settings={settings} save={save} />
      ))}
    </section>
  );
}
