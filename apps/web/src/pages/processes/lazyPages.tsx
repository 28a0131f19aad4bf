import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../../components/Loading';

/**
 * The configurator's process and decision table pages load when first opened, in chunks of their
 * own (the diagram's bpmn-js in a further one), so what every user downloads does not grow.
 */
function lazyPage<K extends string>(
  load: () => Promise<Record<K, () => ReactNode>>,
  name: K,
): () => ReactNode {
  const Component = lazy(async () => {
    const page: () => ReactNode = (await load())[name];
    return { default: page };
  });
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Component />
      </Suspense>
    );
  };
}

export const ProcessesPage = lazyPage(() => import('./ProcessesPage'), 'ProcessesPage');
export const ProcessPage = lazyPage(() => import('./ProcessPage'), 'ProcessPage');
export const DecisionTablesPage = lazyPage(() => import('./DecisionTablesPage'), 'DecisionTablesPage');
export const DecisionTablePage = lazyPage(() => import('./DecisionTablePage'), 'DecisionTablePage');
