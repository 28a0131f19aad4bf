import { defineMessages } from '../defineMessages';

/** The catalogue page, catalogue texts shown in Danish to English readers, and the service form. */
export const serviceForm = defineMessages(
  {
    'catalogText.inDanish': '(på dansk)',
    'catalogText.onlyDanish': 'Findes kun på dansk',
    'catalogPage.readOnly':
      'Du har læseadgang: Du kan se servicekataloget og formularerne, men ikke bestille en service.',
    'catalogPage.clear': 'Ryd søgning',
    'catalogPage.found': '{n} services matcher »{query}«.',
    'catalogPage.mine': 'Dine mest brugte',
    'catalogPage.usedTimes': 'Sendt af dig det seneste år: {n}',
    'catalogPage.categories': 'Services efter emne',
    'serviceForm.errorSummaryOne': 'Formularen har 1 fejl',
    'serviceForm.errorPrefix': 'Fejl:',
    'serviceForm.warningPrefix': 'Advarsel:',
    'serviceForm.readOnlyTitle': 'Kun læseadgang',
    'serviceForm.readOnly':
      'Du kan se formularen, men ikke udfylde eller sende den, fordi din rolle kun giver læseadgang.',
    'serviceForm.saveFailedTitle': 'Kladden blev ikke gemt',
    'serviceForm.saveFailedKeep':
      'Det, du har skrevet, står stadig i formularen. Vi prøver igen, næste gang du retter noget.',
    'serviceForm.saveRetry': 'Prøv igen nu',
    'serviceForm.saveFailedStatus': 'Kladden er ikke gemt.',
    'serviceForm.danishParts': 'Dele af formularen findes kun på dansk. De er mærket DA.',
    'serviceForm.duplicateTitle': 'Der er måske allerede en sag om det samme',
    'serviceForm.openCase': 'Gå til sag {number}',
    'cprPrefill.fetch': 'Hent navn og adresse fra CPR',
    'cprPrefill.fetching': 'Henter fra CPR …',
    'cprPrefill.needsNumber': 'Skriv CPR-nummeret først; så kan navn og adresse hentes fra CPR.',
    'cprPrefill.filled': 'Hentet fra CPR: {fields}. Ret dem, hvis de ikke passer.',
    'cprPrefill.protected':
      'Personen har adressebeskyttelse, så adressen vises ikke. Breve sendes med Digital Post, som finder personen via CPR.',
    'cprPrefill.dead': 'CPR oplyser, at personen er død ({date}). Tjek CPR-nummeret.',
    'cprPrefill.emigrated': 'CPR oplyser, at personen er udrejst ({date}).',
    'cprPrefill.otherStatus': 'CPR oplyser om personen: {status}. Tjek CPR-nummeret.',
  },
  {
    'catalogText.inDanish': '(in Danish)',
    'catalogText.onlyDanish': 'Only available in Danish',
    'catalogPage.readOnly':
      'You have read-only access: you can look at the service catalogue and its forms, but not request a service.',
    'catalogPage.clear': 'Clear search',
    'catalogPage.found': '{n} services match “{query}”.',
    'catalogPage.mine': 'Your most used',
    'catalogPage.usedTimes': 'Sent by you in the last year: {n}',
    'catalogPage.categories': 'Services by topic',
    'serviceForm.errorSummaryOne': 'The form has 1 error',
    'serviceForm.errorPrefix': 'Error:',
    'serviceForm.warningPrefix': 'Warning:',
    'serviceForm.readOnlyTitle': 'Read-only access',
    'serviceForm.readOnly':
      'You can see the form, but not fill it in or send it, because your role only gives read access.',
    'serviceForm.saveFailedTitle': 'The draft was not saved',
    'serviceForm.saveFailedKeep':
      'What you have written is still in the form. We will try again the next time you change something.',
    'serviceForm.saveRetry': 'Try again now',
    'serviceForm.saveFailedStatus': 'The draft is not saved.',
    'serviceForm.danishParts': 'Parts of this form are only available in Danish. They are marked DA.',
    'serviceForm.duplicateTitle': 'There may already be a case about the same matter',
    'serviceForm.openCase': 'Go to case {number}',
    'cprPrefill.fetch': 'Fetch name and address from CPR',
    'cprPrefill.fetching': 'Fetching from CPR …',
    'cprPrefill.needsNumber':
      'Enter the CPR number first; then the name and address can be fetched from CPR.',
    'cprPrefill.filled': 'Fetched from CPR: {fields}. Correct them if they are wrong.',
    'cprPrefill.protected':
      'The person has address protection, so the address is not shown. Letters go by Digital Post, which finds the person through CPR.',
    'cprPrefill.dead': 'CPR says the person has died ({date}). Check the CPR number.',
    'cprPrefill.emigrated': 'CPR says the person has emigrated ({date}).',
    'cprPrefill.otherStatus': 'CPR says of the person: {status}. Check the CPR number.',
  },
);
