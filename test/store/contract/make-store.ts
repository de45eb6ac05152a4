import type { Store } from '../../../src/store/store';

/** Opens a new, empty, migrated store; each test gets its own. */
export type MakeStore = () => Promise<Store>;
