import { useState } from 'react';
import type { TField, TFileInfo } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useI18n } from '../i18n/I18nProvider';
import type { FieldAttributes } from './FieldAttributes';

/** A file field: each chosen file is checked for type and size, uploaded, and listed with a remove button. */
export function FileInput({
  common,
  field,
  value,
  onChange,
}: {
  common: FieldAttributes;
  field: TField;
  value: string[];
  onChange(v: string[]): void;
}) {
  const { t, pick } = useI18n();
  const [files, setFiles] = useState<TFileInfo[]>([]);
  const [error, setError] = useState<string>();
  const upload = async (file: File) => {
    setError(undefined);
    if (field.accept && !field.accept.includes(file.type)) {
      setError(t('form.fileType', { types: field.accept.map((a) => a.split('/')[1]).join(', ') }));
      return;
    }
    if (field.maxBytes && file.size > field.maxBytes) {
      setError(t('form.fileSize', { mb: Math.round(field.maxBytes / 1048576) }));
      return;
    }
    try {
      const uploaded = await api<TFileInfo>(`/api/v1/attachments?fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        body: file,
        headers: { 'content-type': file.type },
      });
      setFiles((f) => [...f, uploaded]);
      onChange([...value, uploaded.id]);
    } catch (e) {
      if (e instanceof ApiError) setError(pick(e.body.message));
      else throw e;
    }
  };
  return (
    <div>
      <input
        {...common}
        type="file"
        className="form-file-input"
        accept={field.accept?.join(',')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
          e.target.value = '';
        }}
      />
      {error && (
        <span className="form-error-message" role="alert">
          {error}
        </span>
      )}
      {value.length > 0 && (
        <ul className="file-list">
          {value.map((id) => (
            <li key={id}>
              {files.find((f) => f.id === id)?.fileName ?? t('form.attached')}{' '}
              <button
                type="button"
                className="button button-tertiary"
                onClick={() => onChange(value.filter((v) => v !== id))}
              >
                {t('form.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
