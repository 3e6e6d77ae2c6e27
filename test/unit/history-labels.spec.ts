import { readableChange } from '../../src/pilot-page/history-labels';

// A pilot's history in the forms' words and units, not column names and stored numbers.

const read = (field: string, oldValue: string | null, newValue: string | null) =>
  readableChange({ field, oldValue, newValue });

describe('readableChange', () => {
  it.each([
    [
      ['fixedCostAtScaleCents', null, '1250000'],
      ['Monthly fixed cost at full scale', null, '€12,500.00'],
    ],
    [
      ['coverageBp', '850', '1000'],
      ['Coverage of the organisation’s contacts', '8.5%', '10.0%'],
    ],
    [
      ['ownerName', 'Sanne de Vries', 'Joost Bakker'],
      ['Owner', 'Sanne de Vries', 'Joost Bakker'],
    ],
    [
      ['purposes', 'operational_relief, marketing', 'marketing'],
      ['Purposes', 'Operational relief, Marketing impact', 'Marketing impact'],
    ],
    [
      ['channelType', 'chat', 'messaging'],
      ['Channel type', 'Chat', 'Messaging (WhatsApp and the like)'],
    ],
    [
      ['nextReviewDate', '2026-03-01', '2027-01-15'],
      ['Next review date', '1 Mar 2026', '15 Jan 2027'],
    ],
    [
      ['startMonth', null, '2026-01'],
      ['Start month', null, 'January 2026'],
    ],
    [
      ['IT budgetCommittedCents', '0', '4500050'],
      ['IT budget committed', '€0.00', '€45,000.50'],
    ],
    [
      ['IT level', 'none', 'committed'],
      ['IT level', expect.any(String), expect.any(String)],
    ],
    [
      ['Routing agreed: status', 'not_started', 'done'],
      ['Routing agreed: status', expect.any(String), expect.any(String)],
    ],
    [
      ['2026-01 fixed_cost', '300000', '300050'],
      ['January 2026: Fixed cost (€)', '€3,000.00', '€3,000.50'],
    ],
    [
      ['2026-02 phone volume (import)', null, '10250'],
      ['February 2026: phone volume (import)', null, '10,250'],
    ],
    [
      ['2026-02 csat', '81', '82'],
      ['February 2026: Customer satisfaction (% satisfied)', '81.0%', '82.0%'],
    ],
  ] as const)('%j → %j', ([field, oldValue, newValue], [f, o, n]) => {
    expect(read(field, oldValue, newValue)).toEqual({ field: f, oldValue: o, newValue: n });
  });

  it('leaves what it does not know as it was', () => {
    expect(read('condition cleared', 'Routing agreed', 'Signed')).toEqual({
      field: 'condition cleared',
      oldValue: 'Routing agreed',
      newValue: 'Signed',
    });
  });
});
