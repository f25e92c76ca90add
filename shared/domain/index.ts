export * from './fields';
export * from './members';
export * from './programme';
export * from './settings';
export * from './meetings';
export * from './plan';
