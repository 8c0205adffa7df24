// opencc-js types its presets, not its dictionaries and dictionary groups (package subpaths).
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/from/*' {
  import type { DictGroup } from 'opencc-js/core';
  const groups: readonly DictGroup[];
  export default groups;
}
declare module 'opencc-js/to/*' {
  import type { DictGroup } from 'opencc-js/core';
  const groups: readonly DictGroup[];
  export default groups;
}
