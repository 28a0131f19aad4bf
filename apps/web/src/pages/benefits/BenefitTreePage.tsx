import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { checkBenefitTree, TREE_LAYERS, type TProject } from '@indgang/schemas';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessNotice } from '../../components/SuccessNotice';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import { BenefitTreeDiagram } from './benefitTree/BenefitTreeDiagram';
import { layoutTree } from './benefitTree/treeLayout';
import { TreeColumn } from './benefitTree/TreeColumn';
import { TreeExports } from './benefitTree/TreeExports';
import { useBenefitTree } from './benefitTree/useBenefitTree';

/** The benefit tree: boxes in four layers, linked left to right; built from either end; exported for meetings. */
export function BenefitTreePage() {
  const { id } = useParams();
  const { t, pick } = useI18n();
  const project = useApi<TProject>(`/api/v1/projects/${id}`);
  const tree = useBenefitTree(id);
  const svgRef = useRef<SVGSVGElement>(null);
  if (!project.data || !tree.stored.data)
    return (
      <Page title={t('tree.title')}>
        <ErrorAlert error={project.error ?? tree.stored.error} />
        {(project.loading || tree.stored.loading) && <Loading />}
      </Page>
    );
  const { canManage, name } = project.data;
  const layout = layoutTree(tree.nodes);
  const check = checkBenefitTree({ nodes: tree.nodes, links: tree.links });
  return (
    <Page title={t('tree.pageTitle', { project: name })}>
      <p>
        <Link to={`/gevinster/projekter/${id}`}>{`← ${name}`}</Link>
      </p>
      <p>{t('tree.intro')}</p>
      <div className="tree-drawing" tabIndex={0} role="region" aria-label={t('tree.drawing')}>
        <BenefitTreeDiagram ref={svgRef} nodes={tree.nodes} links={tree.links} layout={layout} />
      </div>
      <TreeExports projectId={id} projectName={name} svg={svgRef} layout={layout} />
      <p>{t('tree.legend')}</p>
      <div className="tree-columns">
        {TREE_LAYERS.map((layer) => (
          <TreeColumn key={layer} layer={layer} tree={tree} canManage={canManage} />
        ))}
      </div>
      {canManage && (
        <p>
          {check.issues.length > 0 && <span role="status">{pick(check.issues[0]!.message)} </span>}
          <button type="button" className="button button-primary" onClick={() => void tree.save()}>
            {t('tree.save')}
          </button>
        </p>
      )}
      <ErrorAlert error={tree.error} />
      <SuccessNotice text={tree.notice} />
    </Page>
  );
}
