import { packUpload, unpackUpload } from '../../src/results/import/stored-upload';

describe('an upload waiting for its confirmation', () => {
  it('is kept gzipped and comes back exactly as it was sent', async () => {
    const csv = `pilot,month,metric,channel,value\n${'whatsapp-movers,2026-01,volume,phone,10250\n'.repeat(5000)}€ ü`;
    const packed = await packUpload(csv);
    expect(packed.startsWith('gzip:')).toBe(true);
    expect(packed.length).toBeLessThan(csv.length / 5);
    expect(await unpackUpload(packed)).toBe(csv);
  });

  it('reads an upload stored before uploads were compressed as it is', async () => {
    expect(await unpackUpload('pilot,month,metric,channel,value\n')).toBe(
      'pilot,month,metric,channel,value\n',
    );
  });
});
