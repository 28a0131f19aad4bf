import { useEffect, useState } from 'react';
import type { TBenefitTreeView, TreeLayer, TreeLink, TreeNode } from '@indgang/schemas';
import { api, ApiError } from '../../../api/apiClient';
import type { TVersion } from '../../../api/contract';
import type { BenefitKind } from './BenefitKindSelect';
import { useApi } from '../../../api/useApi';
import { useI18n } from '../../../i18n/I18nProvider';

const newId = () => `n${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** A project's benefit tree being edited: its boxes and links, changed in place and saved by version. */
export function useBenefitTree(projectId: string | undefined) {
  const { t } = useI18n();
  const stored = useApi<TBenefitTreeView>(`/api/v1/projects/${projectId}/benefit-tree`);
  const [nodes, setNodes] = useState<TreeNode[]>([]);
  const [links, setLinks] = useState<TreeLink[]>([]);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (stored.data) {
      setNodes(stored.data.nodes);
      setLinks(stored.data.links);
      setVersion(stored.data.version);
    }
  }, [stored.data]);
  const linked = (from: string, to: string) => links.some((l) => l.from === from && l.to === to);
  const toggle = (from: string, to: string) =>
    setLinks((ls) =>
      linked(from, to) ? ls.filter((l) => !(l.from === from && l.to === to)) : [...ls, { from, to }],
    );
  const change = (id: string, patch: Partial<TreeNode>) =>
    setNodes((ns) => ns.map((x) => (x.id === id ? { ...x, ...patch } : x)));
  const add = (layer: TreeLayer, label: string, benefitKind: BenefitKind) =>
    setNodes((ns) => [...ns, { id: newId(), layer, label, ...(layer === 'benefit' ? { benefitKind } : {}) }]);
  const remove = (id: string) => {
    setNodes((ns) => ns.filter((x) => x.id !== id));
    setLinks((ls) => ls.filter((l) => l.from !== id && l.to !== id));
  };
  const save = async () => {
    setError(undefined);
    setNotice('');
    try {
      const saved = await api<TVersion>(`/api/v1/projects/${projectId}/benefit-tree`, {
        method: 'PUT',
        body: JSON.stringify({ nodes, links, expectedVersion: version }),
      });
      setVersion(saved.version);
      setNotice(t('tree.saved'));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const layerNodes = (layer: TreeLayer | undefined) => (layer ? nodes.filter((n) => n.layer === layer) : []);
  return { stored, nodes, links, layerNodes, linked, toggle, change, add, remove, save, error, notice };
}

export type BenefitTreeEditor = ReturnType<typeof useBenefitTree>;
