import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import './businessCase.css';
import { BusinessCaseLines } from './BusinessCaseLines';
import { BusinessCaseSettings } from './BusinessCaseSettings';
import { CommitteeFields } from './CommitteeFields';
import { XLSX, type Draft, type UpdateDraft } from './businessCaseDraft';

/** The editing form: settings, lines, committees, save, and reading a workbook instead. */
export function BusinessCaseEditor({
  draft,
  update,
  onSave,
  onImport,
  problems,
  dirty,
}: {
  draft: Draft;
  update: UpdateDraft;
  onSave(): Promise<void>;
  onImport(file: File): Promise<void>;
  /** Why the last save was refused, shown above the save button. */
  problems: ReactNode;
  dirty: boolean;
}) {
  const { t } = useI18n();
  return (
    <form
      className="bc-editor no-print"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      <h2>{t('businessCase.edit')}</h2>
      <BusinessCaseSettings draft={draft} update={update} />
      <BusinessCaseLines draft={draft} update={update} />
      <CommitteeFields draft={draft} update={update} />
      {problems}
      <p>
        <button type="submit" className="button button-primary">
          {t('businessCase.save')}
        </button>{' '}
        {dirty && <span className="unit-meta">{t('businessCase.unsaved')}</span>}
      </p>
      <div className="form-group">
        <label className="form-label" htmlFor="bc-import">
          {t('businessCase.import')}
        </label>
        <input
          id="bc-import"
          className="form-file-input"
          type="file"
          accept={`${XLSX},.xlsx`}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void onImport(f);
          }}
        />
      </div>
    </form>
  );
}
