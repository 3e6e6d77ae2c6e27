export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/** How a value is written into the audit trail: lists comma-joined, empty as null. */
export function auditValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : null;
  const text = String(value);
  return text === '' ? null : text;
}

/** The fields whose audit value differs between before and after, in the order given. */
export function diffFields<T extends object>(
  before: T,
  after: Partial<T>,
  fields: Array<keyof T & string>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in after)) continue;
    const oldValue = auditValue(before[field]);
    const newValue = auditValue(after[field]);
    if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
  }
  return changes;
}
