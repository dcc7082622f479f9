// Every table declaration, for `import * as t`: reads name their tables `t.customer`, `t.project`.
export * from './checklist.ts';
export * from './credentials.ts';
export * from './device.ts';
export * from './documents.ts';
export * from './handover.ts';
export * from './lessons.ts';
export * from './log.ts';
export * from './meetings.ts';
export * from './projects.ts';
export * from './sows.ts';
export * from './systems.ts';
export * from './test-results.ts';
export * from './tests.ts';
export * from './time.ts';
export * from './workshops.ts';
export * from './sync.ts';
