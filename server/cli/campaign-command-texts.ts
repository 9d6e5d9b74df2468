/** `reclamo campaign`'s usage, in both languages like the rest of the command line. */
export const CAMPAIGN_USAGE = `  reclamo campaign sweep
      Cancella i dati dei soci oltre il periodo di conservazione della loro campagna (il server lo fa ogni giorno) /
      deletes the member data past their campaign's retention period (the server does it daily).
  reclamo campaign follow-ups <id> [--action deadline-passed] --out solleciti.zip [--lang it|en]
      Il sollecito di ogni socio con il termine scaduto senza risposta: uno ZIP con un PDF per socio e report.csv
      (con chi è stato saltato e perché); il termine di ciascuno passa a quello del sollecito /
      the reminder of every member whose deadline passed with no reply: a ZIP of one PDF per member and report.csv
      (who was skipped and why); each member's deadline moves to the reminder's.
`;
