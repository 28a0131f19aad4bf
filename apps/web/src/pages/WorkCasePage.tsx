import { Link, useParams } from 'react-router';
import { textOf, type TBackofficeCase, type TBackofficeCaseSteps } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { SuccessNotice } from '../components/SuccessNotice';
import { useI18n } from '../i18n/I18nProvider';
import { mayChange, useSession } from '../session/SessionProvider';
import { AssignCase } from './workCase/AssignCase';
import { CaseActionForm } from './workCase/CaseActionForm';
import { CaseBackground } from './workCase/CaseBackground';
import { CaseProcess } from './workCase/CaseProcess';
import { CaseRecord } from './workCase/CaseRecord';
import { CaseStages } from './workCase/CaseStages';
import { useCaseActions } from './workCase/useCaseActions';

/** The caseworker's case view: everything in one place, and the actions that move the case. */
export function WorkCasePage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { id = '' } = useParams();
  const view = useApi<TBackofficeCase>(`/api/v1/backoffice/cases/${encodeURIComponent(id)}`);
  const actions = useCaseActions(id, view);
  const process = useApi<TBackofficeCaseSteps>(`/api/v1/backoffice/cases/${encodeURIComponent(id)}/steps`);
  const c = view.data;
  const canAct = !!c && mayChange(me, 'cases.handle') && c.status !== 'resolved';
  const { version } = actions;
  return (
    <Page title={c ? `${c.number} · ${textOf(c.definition.name, locale)}` : t('work.title')}>
      <p>
        <Link to="/sagsbehandling">{t('queue.title')}</Link>
      </p>
      <ErrorAlert error={view.error} />
      {view.loading && !c && <Loading />}
      {c && (
        <div className="work-layout">
          <CaseRecord
            c={c}
            revealed={actions.revealed}
            onReveal={() => void actions.reveal()}
            revealError={actions.errorAt('reveal')}
          />
          <aside className="work-side" aria-label={t('work.side')}>
            <CaseBackground c={c} />
            {process.data && (
              <CaseProcess
                caseId={id}
                process={process.data}
                mayMark={canAct}
                onChanged={() => {
                  view.reload();
                  process.reload();
                }}
              />
            )}
            {c.definition.stages.length > 0 && (
              <CaseStages
                c={c}
                canMark={canAct}
                busy={actions.busy !== null}
                error={actions.errorAt('stages')}
                done={actions.doneAt('stages')}
                onMark={(stage) =>
                  void actions.post(
                    'stages',
                    'stages',
                    { stage, expectedVersion: version },
                    t('work.stageMarked'),
                  )
                }
              />
            )}
            {canAct && (
              <AssignCase
                c={c}
                userId={me?.userId}
                busy={actions.busy !== null}
                error={actions.errorAt('assign')}
                done={actions.doneAt('assign')}
                onAssign={(assigneeUserId) =>
                  void actions.post(
                    'assign',
                    'assign',
                    { assigneeUserId, expectedVersion: version },
                    t('work.assigned'),
                  )
                }
              />
            )}
            <div className="work-notice">
              <SuccessNotice text={actions.doneAt('action')} />
            </div>
            {canAct && (
              <CaseActionForm
                c={c}
                actions={actions}
                resolveBlockedBy={
                  process.data?.steps.some((s) => s.kind === 'four_eyes')
                    ? 'four_eyes'
                    : process.data?.steps.some((s) => s.kind === 'approval')
                      ? 'approval'
                      : null
                }
              />
            )}
          </aside>
        </div>
      )}
    </Page>
  );
}
