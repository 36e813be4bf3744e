/** Where the CLI writes: the terminal in production, arrays in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The whole of standard input (a PIN piped in, so it stays out of the shell's history). */
  stdin(): string;
}
