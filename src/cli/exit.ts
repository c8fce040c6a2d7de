// Exit statuses shared by every command: 0 all documents done, 1 some failed, 2 usage error.
export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}
