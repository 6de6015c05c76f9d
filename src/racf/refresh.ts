/**
 * One wording for "a change to a RACLISTed class that no refresh follows", shared by lint-jcl
 * and the command reader (and so by model, simulate and audit), so that they never disagree.
 *
 * RACF checks a RACLISTed class against its in-storage profiles, which change only with
 * SETROPTS RACLIST(class) REFRESH (IBM RACF Command Language Reference, SETROPTS RACLIST;
 * rules §9 "Refresh"). racfring offers both readings of such a change: as if refreshed
 * (`--assume-refreshed yes`, the default) or as not yet in effect (`--assume-refreshed no`).
 */

/** The fact, for any tool: what RACF does with the change until the refresh. */
export function notRefreshed(cls: string): string {
  return `no SETROPTS RACLIST(${cls}) REFRESH follows, so RACF keeps checking the in-storage profiles of ${cls} and the change is not in effect until the class is refreshed`;
}

/** What racfring did about it, for the reader's issue and assumption. */
export function refreshReading(assumeRefreshed: boolean): string {
  return assumeRefreshed
    ? "racfring reads the change as in effect (--assume-refreshed yes, the default; --assume-refreshed no for the other reading)"
    : "racfring reads the change as not in effect: the profiles are taken as they were at the last refresh (--assume-refreshed no)";
}

/** Parse the flag's value. */
export function parseAssumeRefreshed(value: string | undefined): boolean | null {
  if (value === undefined) return true;
  const v = value.trim().toLowerCase();
  if (v === "yes" || v === "true") return true;
  if (v === "no" || v === "false") return false;
  return null;
}
