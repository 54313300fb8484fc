// Shared Jest setup. Every project runs as native ESM (NestJS 12 ships ESM only), so jest is
// started with --experimental-vm-modules and TypeScript is compiled by swc, which keeps the
// decorator metadata that Nest's dependency injection and class-validator read.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const workspaceRoot = join(import.meta.dirname, '..', '..');

function pathAliases(rootDir) {
  const base = JSON.parse(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  const mapper = {};
  for (const [alias, [target]] of Object.entries(base.compilerOptions.paths ?? {})) {
    mapper[`^${alias.replace('/', '\\/')}$`] =
      `<rootDir>/${relative(rootDir, join(workspaceRoot, target))}`;
  }
  return mapper;
}

function swc(jsx) {
  return [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true, tsx: jsx },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          useDefineForClassFields: true,
          ...(jsx ? { react: { runtime: 'automatic' } } : {}),
        },
        keepClassNames: true,
      },
      module: { type: 'es6' },
      sourceMaps: 'inline',
    },
  ];
}

/** A Node project: `*.spec.ts` units and `*.integration-spec.ts` tests against real services. */
export function nodeProject(displayName, rootDir, extra = {}) {
  return {
    displayName,
    rootDir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
    testMatch: [
      '<rootDir>/src/**/*.spec.ts',
      '<rootDir>/src/**/*.integration-spec.ts',
      '<rootDir>/test/**/*.integration-spec.ts',
    ],
    transform: { '^.+\\.ts$': swc(false) },
    moduleNameMapper: pathAliases(rootDir),
    ...extra,
  };
}

/** A browser project: React components rendered in jsdom. */
export function webProject(displayName, rootDir, extra = {}) {
  return {
    displayName,
    rootDir,
    testEnvironment: 'jsdom',
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
    testMatch: ['<rootDir>/src/**/*.spec.ts?(x)'],
    transform: { '^.+\\.tsx?$': swc(true) },
    moduleNameMapper: {
      ...pathAliases(rootDir),
      '\\.(css)$': '<rootDir>/../../tools/jest/style-stub.js',
    },
    ...extra,
  };
}
