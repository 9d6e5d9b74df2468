/** `reclamo campaign`'s usage, in both languages like the rest of the command line. */
export const CAMPAIGN_USAGE = `  reclamo campaign sweep
      Cancella i dati dei soci oltre il periodo di conservazione della loro campagna (il server lo fa ogni giorno) /
      deletes the member data past their campaign's retention period (the server does it daily).
`;
