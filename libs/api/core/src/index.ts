export * from './lib/config/kepai-config';
export * from './lib/config/config.module';
