/**
 * The Modeler's palette and context pad in Danish (bpmn-js names its tools in English and asks a
 * `translate` service for the user's words). Texts without a Danish word here stay English.
 */
const DANISH: Record<string, string> = {
  'Activate hand tool': 'Flyt diagrammet (hånd)',
  'Activate lasso tool': 'Markér flere (lasso)',
  'Activate create/remove space tool': 'Skab eller fjern plads',
  'Activate global connect tool': 'Forbind elementer',
  'Create start event': 'Opret starthændelse',
  'Create intermediate/boundary event': 'Opret ventetrin (hændelse)',
  'Create end event': 'Opret sluttrin',
  'Create gateway': 'Opret gateway',
  'Create task': 'Opret opgave',
  'Create expanded sub-process': 'Opret delproces',
  'Create data object reference': 'Opret dataobjekt',
  'Create data store reference': 'Opret datalager',
  'Create pool/participant': 'Opret pulje/deltager',
  'Create group': 'Opret gruppe',
  'Append end event': 'Tilføj sluttrin',
  'Append gateway': 'Tilføj gateway',
  'Append task': 'Tilføj opgave',
  'Append intermediate/boundary event': 'Tilføj ventetrin (hændelse)',
  'Append timer intermediate catch event': 'Tilføj ventetrin til en dato',
  'Append message intermediate catch event': 'Tilføj ventetrin til en besked',
  'Append receive task': 'Tilføj modtageopgave',
  'Append signal intermediate catch event': 'Tilføj ventetrin til et signal',
  'Append conditional intermediate catch event': 'Tilføj ventetrin til en betingelse',
  'Append compensation activity': 'Tilføj kompensation',
  'Add text annotation': 'Tilføj kommentar',
  'Change element': 'Skift elementtype',
  'Connect to other element': 'Forbind til et andet element',
  'Connect using association': 'Forbind med en association',
  'Connect using data input association': 'Forbind med data',
  Delete: 'Slet',
  'Add lane above': 'Tilføj bane over',
  'Add lane below': 'Tilføj bane under',
  'Divide into two lanes': 'Del i to baner',
  'Divide into three lanes': 'Del i tre baner',
};

/** A bpmn-js module whose `translate` gives the Danish words (English ones for the English UI). */
export function bpmnTranslation(locale: 'da' | 'en') {
  const translate = (template: string, replacements: Record<string, string> = {}) =>
    (locale === 'da' ? (DANISH[template] ?? template) : template).replace(
      /{([^}]+)}/g,
      (_, key: string) => replacements[key] ?? `{${key}}`,
    );
  return { translate: ['value', translate] };
}
