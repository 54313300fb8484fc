import { DynamicModule, Global, Module } from '@nestjs/common';
import type { KepaiConfig } from './kepai-config';

/** Injection token of the checked configuration. */
export const KEPAI_CONFIG = Symbol('KEPAI_CONFIG');

@Global()
@Module({})
export class KepaiConfigModule {
  static forRoot(config: KepaiConfig): DynamicModule {
    return {
      module: KepaiConfigModule,
      providers: [{ provide: KEPAI_CONFIG, useValue: Object.freeze({ ...config }) }],
      exports: [KEPAI_CONFIG],
    };
  }
}
