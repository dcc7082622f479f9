// The hardware sizing calculator with worked examples, each figure computed by hand beside it.
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, ASSUMPTION_KEYS, computeSizing, defaultSizingInput, sizingInputSchema, type SizingInput } from '../../shared/workshops/sizing.ts';

/** The defaults with mailboxes set per account type (webmail, groupware, mobile). */
function withMailboxes(webmail: number, groupware: number, mobile: number, change?: (input: SizingInput) => void): SizingInput {
  const input = defaultSizingInput();
  [webmail, groupware, mobile].forEach((count, i) => (input.accountTypes[i]!.mailboxes = count));
  change?.(input);
  return input;
}

describe('hardware sizing, worked examples', () => {
  it('1,000,000 webmail mailboxes at 5 %: three 32 GB / 8-core nodes for the load, as the published reference, plus one', () => {
    // sessions 1,000,000 × 5 % = 50,000; weighted × 1 = 50,000
    // heap 4 GB + 50,000 × 1 MB = 52.8 GB; per node 32 GB × 0.75 = 24 GB → 3 nodes
    // cores 50,000 ÷ (8 × 2,500) = 2.5 → 3 nodes; minimum 2 → 3 for the load, N+1 → 4
    // file store 1,000,000 × 100 MB = 97,656.25 GB × 1.3 = 126,953.1 → 126,954 GB; above 500k → provisioning node
    const r = computeSizing(withMailboxes(1_000_000, 0, 0));
    expect(r.concurrentSessions).toBe(50_000);
    expect(r.weightedSessions).toBe(50_000);
    expect(r.middleware).toEqual({ nodes: 4, nodesForLoad: 3, ramGb: 32, cores: 8, heapGbNeeded: 52.8 });
    expect(r.mysql).toEqual({ servers: 2, ramGb: 32, cores: 8 });
    expect(r.fileStore.gb).toBe(126_954);
    expect(r.provisioningNode).toBe(true);
  });

  it('a mixed groupware and mobile customer with mobile sync', () => {
    // sessions 20,000 × 15 % + 5,000 × 25 % = 3,000 + 1,250 = 4,250
    // weighted (3,000 × 2 + 1,250 × 5) × 1.2 = 12,250 × 1.2 = 14,700
    // heap 4 + 14,700 ÷ 1,024 = 18.4 GB → 1 node; cores 14,700 ÷ 20,000 → 1; minimum 2 → 2, N+1 → 3
    // file store 25,000 × 100 MB ÷ 1,024 × 1.3 = 3,173.8 → 3,174 GB
    const r = computeSizing(withMailboxes(0, 20_000, 5_000, (i) => (i.features.mobileSync = true)));
    expect(r.concurrentSessions).toBe(4_250);
    expect(r.weightedSessions).toBe(14_700);
    expect(r.middleware.heapGbNeeded).toBe(18.4);
    expect(r.middleware.nodesForLoad).toBe(2);
    expect(r.middleware.nodes).toBe(3);
    expect(r.fileStore.gb).toBe(3_174);
    expect(r.provisioningNode).toBe(false);
  });

  it('a small pilot needs the minimum cluster: two nodes and a spare', () => {
    // 500 × 5 % = 25 sessions; heap 4.02 GB → 1 node; minimum 2; N+1 → 3; 500 × 100 MB × 1.3 = 63.5 → 64 GB
    const r = computeSizing(withMailboxes(500, 0, 0));
    expect(r.concurrentSessions).toBe(25);
    expect(r.middleware.nodes).toBe(3);
    expect(r.fileStore.gb).toBe(64);
  });

  it('zero mailboxes gives the minimum cluster and no NaN anywhere', () => {
    const r = computeSizing(withMailboxes(0, 0, 0));
    expect(r.concurrentSessions).toBe(0);
    expect(r.middleware.nodes).toBe(3);
    expect(r.fileStore.gb).toBe(0);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity|null/);
  });
});

describe('hardware sizing assumptions', () => {
  it('redundancy adds spare nodes on top of the load', () => {
    expect(computeSizing(withMailboxes(1_000_000, 0, 0, (i) => (i.assumptions.redundancyNodes = 2))).middleware.nodes).toBe(5);
    expect(computeSizing(withMailboxes(1_000_000, 0, 0, (i) => (i.assumptions.redundancyNodes = 0))).middleware.nodes).toBe(3);
  });

  it('a provisioning node above the threshold, not at it', () => {
    expect(computeSizing(withMailboxes(500_000, 0, 0)).provisioningNode).toBe(false);
    expect(computeSizing(withMailboxes(500_001, 0, 0)).provisioningNode).toBe(true);
  });

  it('an edited assumption changes the result: 4 MB heap per session for the 1M example', () => {
    // heap 4 + 50,000 × 4 ÷ 1,024 = 199.3 GB ÷ 24 GB → 9 nodes for the load, N+1 → 10
    const r = computeSizing(withMailboxes(1_000_000, 0, 0, (i) => (i.assumptions.heapPerSessionMb = 4)));
    expect(r.middleware.heapGbNeeded).toBe(199.3);
    expect(r.middleware.nodes).toBe(10);
  });

  it('every assumption has a value, a unit, labels in both languages and a source', () => {
    expect(ASSUMPTIONS.map((a) => a.key).sort()).toEqual([...ASSUMPTION_KEYS].sort());
    for (const a of ASSUMPTIONS) {
      expect(a.unit, a.key).not.toBe('');
      expect(a.source.en && a.source.de && a.source.en !== a.source.de, a.key).toBeTruthy();
      expect(a.label.en && a.label.de && a.label.en !== a.label.de, a.key).toBeTruthy();
    }
    expect(sizingInputSchema.safeParse(defaultSizingInput()).success).toBe(true);
  });

  it('every step of the calculation is written out with the actual numbers', () => {
    const steps = computeSizing(withMailboxes(120_000, 0, 0)).steps;
    expect(steps[0]).toEqual({
      label: expect.objectContaining({ en: 'Concurrent sessions at peak' }),
      formula: { en: '120,000 × 5% + 0 × 15% + 0 × 25%', de: '120.000 × 5\u00a0% + 0 × 15\u00a0% + 0 × 25\u00a0%' },
      value: { en: '6,000', de: '6.000' },
    });
    expect(steps.map((s) => s.label.en)).toContain('Middleware nodes with redundancy');
  });

  it('refuses impossible inputs, naming the place', () => {
    const bad = withMailboxes(-1, 0, 0, (i) => (i.accountTypes[1]!.concurrency = 1.5));
    const result = sizingInputSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['accountTypes.0.mailboxes', 'accountTypes.1.concurrency']);
  });
});
