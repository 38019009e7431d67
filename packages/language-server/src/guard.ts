import { LSPErrorCodes, ResponseError, type CancellationToken } from "vscode-languageserver";
import { describe, type Logger } from "./workspace.js";

/**
 * Wraps a request handler so that nothing it does can take the server down: a thrown error is logged and the
 * request answered with `fallback` (an empty answer the editor can live with), and a request the client has
 * already cancelled is answered as cancelled without doing the work.
 */
export function guardRequest<P, R, E = void>(
  log: Logger,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R,
  cancelledData?: E,
): (params: P, token: CancellationToken) => R | ResponseError<E> {
  return (params, token) => {
    if (token?.isCancellationRequested) return new ResponseError<E>(LSPErrorCodes.RequestCancelled, "cancelled", cancelledData);
    try {
      return handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<E>;
      log.error(`${name} failed: ${describe(error)}`);
      return fallback;
    }
  };
}

/** The same for notifications: there is no one to answer, so the error is only logged. */
export function guardNotification<P>(log: Logger, name: string, handler: (params: P) => void): (params: P) => void {
  return (params) => {
    try {
      handler(params);
    } catch (error) {
      log.error(`${name} failed: ${describe(error)}`);
    }
  };
}
