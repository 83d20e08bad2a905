import { useEffect, useState } from 'react';
import { EMPTY_PORT_DETAILS, type PortDetails } from './wizard-state';

// The donor's customer number, SIM number and holder name are personal details: they never go in the
// address (browser history, server logs) but in this tab's session storage, so a reload keeps them.

const storageKey = (userId: string) => `fd.addService.${userId}.port`;

/** What the storage held, if it is port details at all; anything else counts as none. */
export const parseStoredPort = (raw: string | null): PortDetails => {
  try {
    const parsed = raw ? (JSON.parse(raw) as unknown) : null;
    if (typeof parsed !== 'object' || parsed === null) return EMPTY_PORT_DETAILS;
    const field = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
    const record = parsed as Record<string, unknown>;
    return { customerNumber: field(record.customerNumber), donorSimNumber: field(record.donorSimNumber), holderName: field(record.holderName) };
  } catch {
    return EMPTY_PORT_DETAILS;
  }
};

const read = (userId: string): PortDetails => {
  try {
    return parseStoredPort(window.sessionStorage.getItem(storageKey(userId)));
  } catch {
    return EMPTY_PORT_DETAILS;
  }
};

const write = (userId: string, port: PortDetails | null) => {
  try {
    if (port && Object.values(port).some((value) => value !== '')) window.sessionStorage.setItem(storageKey(userId), JSON.stringify(port));
    else window.sessionStorage.removeItem(storageKey(userId));
  } catch {
    // storage unavailable (private mode): a reload then asks for the details again
  }
};

/** The port details of a user's wizard, kept for this tab only; `forget` drops them at once (Save, Cancel). */
export const usePortDetails = (userId: string, porting: boolean) => {
  const [port, setPort] = useState<PortDetails>(() => (porting ? read(userId) : EMPTY_PORT_DETAILS));
  useEffect(() => write(userId, port), [port, userId]);
  const forget = () => {
    setPort(EMPTY_PORT_DETAILS);
    write(userId, null);
  };
  return [port, setPort, forget] as const;
};
