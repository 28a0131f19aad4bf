import type { RefObject } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import type { TreeLayout } from './treeLayout';

function download(name: string, href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

/** The tree for meetings: as the server's PDF, or the drawing on the page as PNG or SVG. */
export function TreeExports({
  projectId,
  projectName,
  svg,
  layout,
}: {
  projectId: string | undefined;
  projectName: string;
  svg: RefObject<SVGSVGElement | null>;
  layout: TreeLayout;
}) {
  const { t } = useI18n();
  const svgData = () =>
    `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg.current!))}`;
  const exportPng = () => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = layout.width * 2;
      canvas.height = layout.height * 2;
      const context = canvas.getContext('2d')!;
      context.scale(2, 2);
      context.drawImage(image, 0, 0);
      download(`gevinsttrae-${projectName}.png`, canvas.toDataURL('image/png'));
    };
    image.src = svgData();
  };
  return (
    <p className="no-print">
      <a className="button button-secondary" href={`/api/v1/projects/${projectId}/benefit-tree.pdf`} download>
        {t('benefits.downloadPdf')}
      </a>{' '}
      <button type="button" className="button button-secondary" onClick={exportPng}>
        {t('tree.downloadPng')}
      </button>{' '}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => download(`gevinsttrae-${projectName}.svg`, svgData())}
      >
        {t('tree.downloadSvg')}
      </button>
    </p>
  );
}
