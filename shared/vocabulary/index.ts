export * from './glossary';
export * from './format';
export * from './month';
