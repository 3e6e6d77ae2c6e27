// The organisation's time zone: "today", a timestamp's month and every time shown follow it,
// not the server's clock zone (UTC on most servers). Set once at start-up from the TZ setting.

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

let zone = DEFAULT_TIME_ZONE;
let parts = formatterFor(zone);

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** Whether the name is a time zone this runtime knows (Europe/Amsterdam, UTC …). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function setTimeZone(name: string): void {
  if (!isTimeZone(name)) throw new Error(`Unknown time zone: ${name}`);
  zone = name;
  parts = formatterFor(name);
}

export function timeZone(): string {
  return zone;
}

/** The wall-clock date and time of an instant in the app's zone. */
export function localParts(date: Date): {
  date: string;
  month: string;
  time: string;
} {
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    month: `${p.year}-${p.month}`,
    time: `${p.hour}:${p.minute}`,
  };
}
