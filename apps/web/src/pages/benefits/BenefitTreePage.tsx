import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  checkBenefitTree,
  TREE_LAYER_LABEL,
  TREE_LAYERS,
  treeNodeFill,
  type TreeLayer,
  type TreeLink,
  type TreeNode,
} from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessNotice } from '../../components/SuccessNotice';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import type { ProjectView } from './ProjectPage';

const newId = () => `n${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** The benefit tree: boxes in four layers, linked left to right; built from either end; exported for meetings. */
export function BenefitTreePage() {
  const { id } = useParams();
  const { pick } = useI18n();
  const project = useApi<ProjectView>(`/api/v1/projects/${id}`);
  const stored = useApi<{ nodes: TreeNode[]; links: TreeLink[]; version: number }>(
    `/api/v1/projects/${id}/benefit-tree`,
  );
  const [nodes, setNodes] = useState<TreeNode[]>([]);
  const [links, setLinks] = useState<TreeLink[]>([]);
  const [version, setVersion] = useState(0);
  const [newLabels, setNewLabels] = useState<Record<TreeLayer, string>>({
    technology: '',
    change: '',
    benefit: '',
    goal: '',
  });
  const [newKind, setNewKind] = useState<'economic' | 'quality'>('economic');
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState('');
  const svgRef = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (stored.data) {
      setNodes(stored.data.nodes);
      setLinks(stored.data.links);
      setVersion(stored.data.version);
    }
  }, [stored.data]);
  if (!project.data || !stored.data)
    return (
      <Page title={pick({ da: 'Gevinsttræ', en: 'Benefit tree' })}>
        <ErrorAlert error={project.error ?? stored.error} />
        {(project.loading || stored.loading) && <Loading />}
      </Page>
    );
  const canManage = project.data.canManage;
  const linked = (from: string, to: string) => links.some((l) => l.from === from && l.to === to);
  const toggle = (from: string, to: string) =>
    setLinks((ls) =>
      linked(from, to) ? ls.filter((l) => !(l.from === from && l.to === to)) : [...ls, { from, to }],
    );
  const layerNodes = (layer: TreeLayer | undefined) => (layer ? nodes.filter((n) => n.layer === layer) : []);
  const check = checkBenefitTree({ nodes, links });
  const save = async () => {
    setError(undefined);
    setNotice('');
    try {
      const saved = await api<{ version: number }>(`/api/v1/projects/${id}/benefit-tree`, {
        method: 'PUT',
        body: JSON.stringify({ nodes, links, expectedVersion: version }),
      });
      setVersion(saved.version);
      setNotice(pick({ da: 'Gevinsttræet er gemt.', en: 'The benefit tree was saved.' }));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  // The drawing, shared by the page and the image export.
  const colW = 220;
  const gap = 60;
  const boxH = 56;
  const top = 40;
  const rows = Math.max(1, ...TREE_LAYERS.map((l) => layerNodes(l).length));
  const width = 4 * colW + 3 * gap + 20;
  const height = top + rows * (boxH + 14) + 20;
  const pos = new Map<string, { x: number; y: number }>();
  TREE_LAYERS.forEach((l, i) =>
    layerNodes(l).forEach((n, k) => pos.set(n.id, { x: 10 + i * (colW + gap), y: top + k * (boxH + 14) })),
  );
  const download = (name: string, href: string) => {
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  };
  const svgText = () => new XMLSerializer().serializeToString(svgRef.current!);
  const exportPng = () => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext('2d')!;
      context.scale(2, 2);
      context.drawImage(image, 0, 0);
      download(`gevinsttrae-${project.data!.name}.png`, canvas.toDataURL('image/png'));
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText())}`;
  };
  const wrap = (text: string) => {
    const words = text.split(' ');
    const lines: string[] = [''];
    for (const w of words) {
      if ((lines.at(-1)! + w).length > 30 && lines.length < 3) lines.push('');
      lines[lines.length - 1] += `${lines.at(-1) ? ' ' : ''}${w}`;
    }
    return lines;
  };
  return (
    <Page title={`${pick({ da: 'Gevinsttræ', en: 'Benefit tree' })}: ${project.data.name}`}>
      <p>
        <Link to={`/gevinster/projekter/${id}`}>{`← ${project.data.name}`}</Link>
      </p>
      <p>
        {pick({
          da: 'Arbejd fra højre (vælg målene, find gevinsterne) eller fra venstre (planlæg gevinsterne ved en kendt teknologi). Hver boks kan knyttes til boksene i laget ved siden af.',
          en: 'Work from the right (pick the goals, find the benefits) or from the left (plan the gains of a known technology). Each box can be linked to the boxes of the next layer.',
        })}
      </p>
      <svg
        ref={svgRef}
        className="tree-svg"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={pick({
          da: `Gevinsttræ med ${nodes.length} bokse og ${links.length} forbindelser. Boksene står også i listerne nedenfor.`,
          en: `Benefit tree with ${nodes.length} boxes and ${links.length} links. The boxes are also listed below.`,
        })}
      >
        <rect width={width} height={height} fill="#ffffff" />
        {TREE_LAYERS.map((l, i) => (
          <text key={l} x={10 + i * (colW + gap)} y={24} fontSize={15} fontWeight={700} fill="#1a1a1a">
            {pick(TREE_LAYER_LABEL[l])}
          </text>
        ))}
        {links.map((l) => {
          const a = pos.get(l.from);
          const b = pos.get(l.to);
          return a && b ? (
            <line
              key={`${l.from}-${l.to}`}
              x1={a.x + colW}
              y1={a.y + boxH / 2}
              x2={b.x}
              y2={b.y + boxH / 2}
              stroke="#555"
              strokeWidth={1.5}
            />
          ) : null;
        })}
        {nodes.map((n) => {
          const p = pos.get(n.id)!;
          const fill = treeNodeFill(n);
          return (
            <g key={n.id}>
              <rect x={p.x} y={p.y} width={colW} height={boxH} rx={5} fill={fill} stroke="#333" />
              {wrap(n.label).map((line, k) => (
                <text key={k} x={p.x + 8} y={p.y + 18 + k * 15} fontSize={12} fill="#1a1a1a">
                  {line}
                </text>
              ))}
            </g>
          );
        })}
      </svg>
      <p className="no-print">
        <a className="button button-secondary" href={`/api/v1/projects/${id}/benefit-tree.pdf`} download>
          {pick({ da: 'Hent som PDF', en: 'Download as PDF' })}
        </a>{' '}
        <button type="button" className="button button-secondary" onClick={exportPng}>
          {pick({ da: 'Hent som billede (PNG)', en: 'Download as image (PNG)' })}
        </button>{' '}
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            download(
              `gevinsttrae-${project.data!.name}.svg`,
              `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText())}`,
            )
          }
        >
          {pick({ da: 'Hent som SVG', en: 'Download as SVG' })}
        </button>
      </p>
      <p>
        {pick({
          da: 'Grøn: økonomisk gevinst. Blå: service- eller kvalitetsgevinst.',
          en: 'Green: economic benefit. Blue: service or quality benefit.',
        })}
      </p>
      <div className="tree-columns">
        {TREE_LAYERS.map((layer, i) => {
          const next = layerNodes(TREE_LAYERS[i + 1]);
          const previous = layerNodes(TREE_LAYERS[i - 1]);
          return (
            <section key={layer} className="tree-column" aria-labelledby={`layer-${layer}`}>
              <h2 id={`layer-${layer}`} className="h3">
                {pick(TREE_LAYER_LABEL[layer])}
              </h2>
              {layerNodes(layer).map((n) => (
                <div
                  key={n.id}
                  className={`tree-node${n.layer === 'benefit' ? ` node-${n.benefitKind ?? 'economic'}` : ''}`}
                >
                  {canManage ? (
                    <input
                      className="form-input"
                      aria-label={pick({
                        da: `${pick(TREE_LAYER_LABEL[layer])}: tekst`,
                        en: `${pick(TREE_LAYER_LABEL[layer])}: text`,
                      })}
                      value={n.label}
                      onChange={(e) =>
                        setNodes((ns) => ns.map((x) => (x.id === n.id ? { ...x, label: e.target.value } : x)))
                      }
                    />
                  ) : (
                    <p>
                      <strong>{n.label}</strong>
                    </p>
                  )}
                  {n.layer === 'benefit' &&
                    (canManage ? (
                      <select
                        className="form-select"
                        aria-label={pick({
                          da: `Slags gevinst: ${n.label}`,
                          en: `Kind of benefit: ${n.label}`,
                        })}
                        value={n.benefitKind ?? 'economic'}
                        onChange={(e) =>
                          setNodes((ns) =>
                            ns.map((x) =>
                              x.id === n.id ? { ...x, benefitKind: e.target.value as 'economic' } : x,
                            ),
                          )
                        }
                      >
                        <option value="economic">{pick({ da: 'Økonomisk', en: 'Economic' })}</option>
                        <option value="quality">
                          {pick({ da: 'Service/kvalitet', en: 'Service/quality' })}
                        </option>
                      </select>
                    ) : (
                      <p>
                        {n.benefitKind === 'quality'
                          ? pick({ da: 'Service/kvalitet', en: 'Service/quality' })
                          : pick({ da: 'Økonomisk', en: 'Economic' })}
                      </p>
                    ))}
                  {previous.length > 0 && (
                    <fieldset>
                      <legend>{pick({ da: 'Kommer af', en: 'Comes from' })}</legend>
                      {previous.map((p) => (
                        <div key={p.id} className="form-check">
                          <input
                            type="checkbox"
                            className="form-checkbox"
                            id={`l-${p.id}-${n.id}`}
                            checked={linked(p.id, n.id)}
                            disabled={!canManage}
                            onChange={() => toggle(p.id, n.id)}
                          />
                          <label htmlFor={`l-${p.id}-${n.id}`}>{p.label || '…'}</label>
                        </div>
                      ))}
                    </fieldset>
                  )}
                  {next.length > 0 && (
                    <fieldset>
                      <legend>{pick({ da: 'Fører til', en: 'Leads to' })}</legend>
                      {next.map((m) => (
                        <div key={m.id} className="form-check">
                          <input
                            type="checkbox"
                            className="form-checkbox"
                            id={`r-${n.id}-${m.id}`}
                            checked={linked(n.id, m.id)}
                            disabled={!canManage}
                            onChange={() => toggle(n.id, m.id)}
                          />
                          <label htmlFor={`r-${n.id}-${m.id}`}>{m.label || '…'}</label>
                        </div>
                      ))}
                    </fieldset>
                  )}
                  {canManage && (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => {
                        setNodes((ns) => ns.filter((x) => x.id !== n.id));
                        setLinks((ls) => ls.filter((l) => l.from !== n.id && l.to !== n.id));
                      }}
                    >
                      {pick({ da: 'Fjern boks', en: 'Remove box' })}
                      <span className="sr-only"> {n.label}</span>
                    </button>
                  )}
                </div>
              ))}
              {canManage && (
                <form
                  className="no-print"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const label = newLabels[layer].trim();
                    if (!label) return;
                    setNodes((ns) => [
                      ...ns,
                      { id: newId(), layer, label, ...(layer === 'benefit' ? { benefitKind: newKind } : {}) },
                    ]);
                    setNewLabels((v) => ({ ...v, [layer]: '' }));
                  }}
                >
                  <div className="form-group">
                    <label className="form-label" htmlFor={`new-${layer}`}>
                      {pick({ da: 'Ny boks', en: 'New box' })}
                    </label>
                    <input
                      id={`new-${layer}`}
                      className="form-input"
                      maxLength={300}
                      value={newLabels[layer]}
                      onChange={(e) => setNewLabels((v) => ({ ...v, [layer]: e.target.value }))}
                    />
                  </div>
                  {layer === 'benefit' && (
                    <div className="form-group">
                      <label className="form-label" htmlFor="new-kind">
                        {pick({ da: 'Slags gevinst', en: 'Kind of benefit' })}
                      </label>
                      <select
                        id="new-kind"
                        className="form-select"
                        value={newKind}
                        onChange={(e) => setNewKind(e.target.value as 'economic')}
                      >
                        <option value="economic">{pick({ da: 'Økonomisk', en: 'Economic' })}</option>
                        <option value="quality">
                          {pick({ da: 'Service/kvalitet', en: 'Service/quality' })}
                        </option>
                      </select>
                    </div>
                  )}
                  <button type="submit" className="button button-secondary">
                    {pick({
                      da: `Tilføj til ${pick(TREE_LAYER_LABEL[layer]).toLowerCase()}`,
                      en: `Add to ${pick(TREE_LAYER_LABEL[layer]).toLowerCase()}`,
                    })}
                  </button>
                </form>
              )}
            </section>
          );
        })}
      </div>
      {canManage && (
        <p>
          {check.issues.length > 0 && <span role="status">{pick(check.issues[0]!.message)} </span>}
          <button type="button" className="button button-primary" onClick={() => void save()}>
            {pick({ da: 'Gem gevinsttræet', en: 'Save the benefit tree' })}
          </button>
        </p>
      )}
      <ErrorAlert error={error} />
      <SuccessNotice text={notice} />
    </Page>
  );
}
