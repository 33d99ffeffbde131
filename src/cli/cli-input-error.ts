// A fault in what the user gave the command line (a file, a flag): printed as is, exit status 1.
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}
