import { defineMessages } from '../defineMessages';

/** The benefit tree: technology → changes → benefits → goals. */
export const benefitTree = defineMessages(
  {
    'tree.title': 'Gevinsttræ',
    'tree.pageTitle': 'Gevinsttræ: {project}',
    'tree.intro':
      'Arbejd fra højre (vælg målene, find gevinsterne) eller fra venstre (planlæg gevinsterne ved en kendt teknologi). Hver boks kan knyttes til boksene i laget ved siden af.',
    'tree.diagram':
      'Gevinsttræ med {nodes} bokse og {links} forbindelser. Boksene står også i listerne nedenfor.',
    'tree.drawing': 'Tegning af gevinsttræet (kan rulles sidelæns på en smal skærm)',
    'tree.downloadPng': 'Hent som billede (PNG)',
    'tree.downloadSvg': 'Hent som SVG',
    'tree.legend': 'Grøn: økonomisk gevinst. Blå: service- eller kvalitetsgevinst.',
    'tree.boxText': '{layer}: tekst',
    'tree.kindOf': 'Slags gevinst: {label}',
    'tree.kind': 'Slags gevinst',
    'tree.economic': 'Økonomisk',
    'tree.quality': 'Service/kvalitet',
    'tree.comesFrom': 'Kommer af',
    'tree.leadsTo': 'Fører til',
    'tree.removeBox': 'Fjern boks',
    'tree.newBox': 'Ny boks',
    'tree.addTo': 'Tilføj til {layer}',
    'tree.save': 'Gem gevinsttræet',
    'tree.saved': 'Gevinsttræet er gemt.',
  },
  {
    'tree.title': 'Benefit tree',
    'tree.pageTitle': 'Benefit tree: {project}',
    'tree.intro':
      'Work from the right (pick the goals, find the benefits) or from the left (plan the gains of a known technology). Each box can be linked to the boxes of the next layer.',
    'tree.diagram': 'Benefit tree with {nodes} boxes and {links} links. The boxes are also listed below.',
    'tree.drawing': 'Drawing of the benefit tree (scrolls sideways on a narrow screen)',
    'tree.downloadPng': 'Download as image (PNG)',
    'tree.downloadSvg': 'Download as SVG',
    'tree.legend': 'Green: economic benefit. Blue: service or quality benefit.',
    'tree.boxText': '{layer}: text',
    'tree.kindOf': 'Kind of benefit: {label}',
    'tree.kind': 'Kind of benefit',
    'tree.economic': 'Economic',
    'tree.quality': 'Service/quality',
    'tree.comesFrom': 'Comes from',
    'tree.leadsTo': 'Leads to',
    'tree.removeBox': 'Remove box',
    'tree.newBox': 'New box',
    'tree.addTo': 'Add to {layer}',
    'tree.save': 'Save the benefit tree',
    'tree.saved': 'The benefit tree was saved.',
  },
);
