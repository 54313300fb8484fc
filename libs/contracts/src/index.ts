export * from './lib/enums';
export * from './lib/errors';
export * from './lib/money';
export * from './lib/health';
export * from './lib/shapes';
export * from './lib/socket';
export * from './lib/credit-code';
