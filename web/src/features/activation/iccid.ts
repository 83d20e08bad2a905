/** "8932 1099 0000 0000 015": an ICCID in groups of four, as printed on the card. */
export const groupIccid = (iccid: string) => iccid.replace(/\s+/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
