import { webProject } from '../../tools/jest/preset.js';

export default webProject('web', import.meta.dirname);
