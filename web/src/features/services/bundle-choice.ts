// The rules of choosing a bundle and its options, shared by the Add Service wizard (step 3) and
// "Manage service": an option only goes with the bundles that offer it, and the monthly price is the
// bundle's plus the chosen options'. The server checks both again.

type PricedOption = { code: string; monthlyPriceCents: number };
type BundleWithOptions = { monthlyPriceCents: number; options: readonly PricedOption[] };

/** The chosen options that the bundle also offers (the others cannot go with it), in their order. */
export const optionsKeptFor = (bundle: { options: readonly { code: string }[] } | null | undefined, optionCodes: readonly string[]): string[] =>
  bundle ? optionCodes.filter((code) => bundle.options.some((option) => option.code === code)) : [];

/** Monthly price of the bundle plus the chosen options, in cents. */
export const monthlyTotalCents = (bundle: BundleWithOptions, optionCodes: readonly string[]): number =>
  bundle.monthlyPriceCents + bundle.options.filter((option) => optionCodes.includes(option.code)).reduce((sum, option) => sum + option.monthlyPriceCents, 0);

/** Whether two choices are the same bundle with the same options, whatever their order. */
export const sameBundleChoice = (a: { bundleCode: string | null; optionCodes: readonly string[] }, b: { bundleCode: string | null; optionCodes: readonly string[] }) =>
  a.bundleCode === b.bundleCode && a.optionCodes.length === b.optionCodes.length && a.optionCodes.every((code) => b.optionCodes.includes(code));
