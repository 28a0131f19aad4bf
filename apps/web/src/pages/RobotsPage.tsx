import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TRobotCreated, TRobotsOverview, TRobotSummary } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { ScrollRegion } from '../components/ScrollRegion';
import { SuccessNotice } from '../components/SuccessNotice';
import { useI18n } from '../i18n/I18nProvider';
import './robots.css';

const COUNTS = ['waiting', 'retrying', 'locked', 'done', 'failed', 'businessError'] as const;

/**
 * Robots, for administrators (team leads, process owners and the auditor read): the work waiting
 * on each topic by state, each robot with its topics and last contact, and, for administrators,
 * creating a credential (its token shown once, with a copy button) and revoking one after a
 * confirmation.
 */
export function RobotsPage() {
  const { t, locale } = useI18n();
  const overview = useApi<TRobotsOverview>('/api/v1/robots');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const [created, setCreated] = useState<TRobotCreated | null>(null);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Europe/Copenhagen',
    });
  const failed = (err: unknown) => {
    if (err instanceof ApiError) setError(err);
    else throw err;
  };
  const data = overview.data;
  return (
    <Page title={t('robots.title')}>
      <p>{t('robots.intro')}</p>
      <ErrorAlert error={error ?? overview.error} />
      <SuccessNotice text={done} />
      {overview.loading && !data && <Loading />}
      {created && <CreatedToken created={created} onDone={() => setCreated(null)} />}
      {data && (
        <>
          <h2>{t('robots.topicsTitle')}</h2>
          {data.topics.length === 0 ? (
            <p>{t('robots.noTopics')}</p>
          ) : (
            <ScrollRegion label={t('robots.topicsTitle')}>
              <table className="table robots-counts">
                <thead>
                  <tr>
                    <th scope="col">{t('robots.topic')}</th>
                    {COUNTS.map((c) => (
                      <th scope="col" key={c} className="robots-number">
                        {t(`robots.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.topics.map((topic) => (
                    <tr key={topic.topic}>
                      <th scope="row">
                        <code>{topic.topic}</code>
                      </th>
                      {COUNTS.map((c) => (
                        <td key={c} className="robots-number">
                          {topic[c].toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB')}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}

          <h2>{t('robots.robotsTitle')}</h2>
          {!data.mayManage && <p>{t('robots.readOnly')}</p>}
          {data.robots.length === 0 ? (
            <p>{t('robots.noRobots')}</p>
          ) : (
            <ul className="robots-list nobullet-list no-max-width">
              {data.robots.map((robot) => (
                <RobotEntry
                  key={robot.id}
                  robot={robot}
                  when={when}
                  mayManage={data.mayManage}
                  onRevoked={() => {
                    setDone(t('robots.revokedDone', { name: robot.name }));
                    overview.reload();
                  }}
                  onError={failed}
                  clear={() => {
                    setError(undefined);
                    setDone('');
                  }}
                />
              ))}
            </ul>
          )}

          {data.mayManage && (
            <CreateRobot
              onCreated={(robot) => {
                setError(undefined);
                setDone('');
                setCreated(robot);
                overview.reload();
              }}
              onError={failed}
            />
          )}
        </>
      )}
    </Page>
  );
}

function RobotEntry({
  robot,
  when,
  mayManage,
  onRevoked,
  onError,
  clear,
}: {
  robot: TRobotSummary;
  when(iso: string): string;
  mayManage: boolean;
  onRevoked(): void;
  onError(err: unknown): void;
  clear(): void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) revokeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const revoke = async () => {
    clear();
    try {
      await api(`/api/v1/robots/${robot.id}/revoke`, { method: 'POST' });
      onRevoked();
    } catch (err) {
      onError(err);
    } finally {
      setConfirming(false);
    }
  };
  const headingId = `robot-${robot.id}`;
  return (
    <li className="robots-entry" aria-labelledby={headingId}>
      <h3 id={headingId} className="robots-name">
        {robot.name}
      </h3>
      <dl className="robots-facts">
        <div>
          <dt>{t('robots.state')}</dt>
          <dd>
            {robot.revokedAt ? t('robots.revoked', { when: when(robot.revokedAt) }) : t('robots.active')}
          </dd>
        </div>
        <div>
          <dt>{t('robots.topics')}</dt>
          <dd>
            {robot.topics.map((topic, i) => (
              <span key={topic}>
                {i > 0 && ', '}
                <code>{topic}</code>
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('robots.lastContact')}</dt>
          <dd>{robot.lastContactAt ? when(robot.lastContactAt) : t('robots.never')}</dd>
        </div>
        <div>
          <dt>{t('robots.created')}</dt>
          <dd>{t('robots.createdBy', { when: when(robot.createdAt), name: robot.createdBy })}</dd>
        </div>
      </dl>
      {mayManage && !robot.revokedAt && !confirming && (
        <button
          ref={revokeButton}
          type="button"
          className="button button-secondary"
          aria-label={t('robots.revokeLabel', { name: robot.name })}
          onClick={() => setConfirming(true)}
        >
          {t('robots.revoke')}
        </button>
      )}
      {confirming && (
        <div className="alert alert-warning robots-confirm">
          <p className="alert-text">{t('robots.revokeConfirm', { name: robot.name })}</p>
          <div className="robots-actions">
            <button
              ref={confirmButton}
              type="button"
              className="button button-primary"
              onClick={() => void revoke()}
            >
              {t('robots.revokeYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('robots.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function CreateRobot({
  onCreated,
  onError,
}: {
  onCreated(robot: TRobotCreated): void;
  onError(err: unknown): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [topics, setTopics] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const robot = await api<TRobotCreated>('/api/v1/robots', {
        method: 'POST',
        body: JSON.stringify({ name, topics: topics.split(/[\s,]+/).filter(Boolean) }),
      });
      setName('');
      setTopics('');
      onCreated(robot);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <h2>{t('robots.createTitle')}</h2>
      <p>{t('robots.createIntro')}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="robot-name">
          {t('robots.name')}
        </label>
        <input
          id="robot-name"
          className="form-input input-width-l"
          value={name}
          maxLength={80}
          required
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="robot-topics">
          {t('robots.topics')}
        </label>
        <span className="form-hint" id="robot-topics-hint">
          {t('robots.topicsHint')}
        </span>
        <input
          id="robot-topics"
          className="form-input input-width-l"
          aria-describedby="robot-topics-hint"
          value={topics}
          maxLength={2000}
          required
          autoCapitalize="none"
          spellCheck={false}
          onChange={(e) => setTopics(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('robots.create')}
      </button>
    </form>
  );
}

/** The new credential's token, shown once, with a copy button and the warning that it will not be shown again. */
function CreatedToken({ created, onDone }: { created: TRobotCreated; onDone(): void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | ''>('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied('copied');
    } catch {
      setCopied('copyFailed');
    }
  };
  return (
    <section className="robots-token" aria-labelledby="robot-token-title">
      <h2 id="robot-token-title" ref={heading} tabIndex={-1}>
        {t('robots.tokenTitle', { name: created.name })}
      </h2>
      <div className="alert alert-warning">
        <p className="alert-text">{t('robots.tokenWarning')}</p>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="robot-token">
          {t('robots.tokenLabel')}
        </label>
        <span className="form-hint" id="robot-token-hint">
          {t('robots.tokenUse')}
        </span>
        <textarea
          id="robot-token"
          className="form-input robots-token-value"
          aria-describedby="robot-token-hint"
          readOnly
          rows={2}
          value={created.token}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div className="robots-actions">
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          {t('robots.copy')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('robots.tokenDone')}
        </button>
      </div>
      <div aria-live="polite">{copied && <p>{t(`robots.${copied}`)}</p>}</div>
    </section>
  );
}
