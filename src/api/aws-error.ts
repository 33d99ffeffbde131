/** An error the API returns to its caller: `{"__type": code, "message": message}` on the wire. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** 400 for client errors, 500 for ServerException (API18 marks it as a fault). */
    readonly httpStatus = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message);
export const clientException = (message: string) => new AwsError('ClientException', message);
