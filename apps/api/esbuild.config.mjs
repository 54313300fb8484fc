// esbuild does not emit decorator metadata, which Nest's dependency injection, class-validator
// and TypeORM read at run time. Our own TypeScript therefore goes through swc first.
import { readFile } from 'node:fs/promises';
import swc from '@swc/core';

const decoratorMetadata = {
  name: 'swc-decorator-metadata',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const source = await readFile(args.path, 'utf8');
      const { code, map } = await swc.transform(source, {
        filename: args.path,
        sourceMaps: 'inline',
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            useDefineForClassFields: true,
          },
          keepClassNames: true,
        },
        module: { type: 'es6' },
      });
      return {
        contents: map
          ? `${code}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}`
          : code,
        loader: 'js',
      };
    });
  },
};

export default {
  plugins: [decoratorMetadata],
  banner: {
    // some CommonJS dependencies call require(); give the ESM bundle one
    js: "import { createRequire as __kepaiCreateRequire } from 'node:module'; const require = __kepaiCreateRequire(import.meta.url);",
  },
};
