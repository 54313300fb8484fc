/** A dotted error path (`ladder.2.step`) as an antd Form name path (`['ladder', 2, 'step']`). */
export function fieldPath(path: string): Array<string | number> {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * The leaf fields an antd `onValuesChange` reports as changed (`{ ladder: [, { step: '5' }] }` →
 * `[['ladder', 1, 'step']]`), so their errors can go as soon as a person edits them.
 */
export function changedPaths(changed: unknown, prefix: Array<string | number> = []) {
  const paths: Array<Array<string | number>> = [];
  if (Array.isArray(changed)) {
    changed.forEach((value, index) => {
      if (value !== undefined) paths.push(...changedPaths(value, [...prefix, index]));
    });
  } else if (
    typeof changed === 'object' &&
    changed !== null &&
    Object.getPrototypeOf(changed) === Object.prototype
  ) {
    for (const [key, value] of Object.entries(changed))
      paths.push(...changedPaths(value, [...prefix, key]));
  } else if (prefix.length > 0) {
    paths.push(prefix);
  }
  return paths;
}
