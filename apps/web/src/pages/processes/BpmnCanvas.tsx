import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './bpmnCanvas.css';
import { useEffect, useRef, useState } from 'react';
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { PROCESS_BPMN_EXTENSION } from '@indgang/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { bpmnTranslation } from './bpmnDanish';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Canvas {
  zoom(level: 'fit-viewport' | number): number;
  viewbox(box?: Box): { inner: Box; outer: Box; scale: number };
  scroll(delta: { dx: number; dy: number }): void;
}

const MIN_SCALE = 0.65;

export interface BpmnCanvasProps {
  xml: string;
  /** The Modeler with its palette instead of the Viewer. */
  editing: boolean;
  label: string;
  /** The id of the text that says how to use it (and that the step list is its text alternative). */
  describedBy?: string;
  /** While editing: a way to read the diagram as it is now. */
  onEditor?: (read: (() => Promise<string>) | null) => void;
}

/**
 * The diagram drawn by bpmn-js: the navigated Viewer (pan and zoom) for reading, the Modeler with its
 * palette for editing. Loaded on its own (React.lazy), so the main bundle carries none of it. The
 * canvas is named for screen readers; the step list beside it is its text alternative.
 */
export default function BpmnCanvas({ xml, editing, label, describedBy, onEditor }: BpmnCanvasProps) {
  const { t, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    const container = box.current;
    if (!container) return;
    const options = {
      container,
      moddleExtensions: { indgang: PROCESS_BPMN_EXTENSION },
      additionalModules: [bpmnTranslation(locale)],
    };
    const diagram = editing ? new Modeler(options) : new NavigatedViewer(options);
    let live = true;
    setProblem(undefined);
    diagram.importXML(xml).then(
      () => {
        if (!live) return;
        const canvas = diagram.get<Canvas>('canvas');
        const fitted = canvas.zoom('fit-viewport');
        // A long process fitted to a narrow box would be too small to read: it shows its start at a
        // readable size instead, and the rest is panned to (drag, or the scroll wheel).
        if (fitted < MIN_SCALE) {
          const { inner, outer } = canvas.viewbox();
          canvas.viewbox({
            x: inner.x - 20,
            y: inner.y - 20,
            width: outer.width / MIN_SCALE,
            height: outer.height / MIN_SCALE,
          });
        }
        // The Modeler's palette covers the left edge: the diagram starts beside it.
        if (editing) canvas.scroll({ dx: 100, dy: 0 });
        if (editing && onEditor)
          onEditor(async () => {
            const { xml: saved } = await diagram.saveXML({ format: true });
            return saved ?? '';
          });
      },
      (error: unknown) => live && setProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
      if (editing && onEditor) onEditor(null);
      diagram.destroy();
    };
  }, [xml, editing, onEditor, locale]);
  return (
    <>
      <div
        ref={box}
        className={`bpmn-canvas${editing ? ' bpmn-canvas--editing' : ''}`}
        role="group"
        aria-label={label}
        aria-describedby={describedBy}
        data-testid="bpmn-canvas"
      />
      {problem && (
        <div className="alert alert-error" role="alert">
          <p className="alert-text">{t('processes.diagramError', { reason: problem })}</p>
        </div>
      )}
    </>
  );
}
