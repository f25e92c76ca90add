export * from './fields';
export * from './members';
export * from './programme';
export * from './settings';
