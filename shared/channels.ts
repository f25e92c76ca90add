/** Names shared by main, the preload and the renderer; no schemas here, so the preload stays tiny. */
export const API_GLOBAL = 'vertaistuki';

/** IPC channel of one call; only main and the preload use it. */
export const channelOf = (name: string) => `vertaistuki:${name}`;

/** Synchronous IPC channel on which the preload asks main for the contract's call names. */
export const CALL_NAMES_CHANNEL = 'vertaistuki:call-names';
