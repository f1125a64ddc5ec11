import { AppError } from '../errors';
import { requestUser, type RequestUser } from './request-user';

/** The signed-in user for a handler behind the proxy; its absence means the route was left unguarded. */
export function requireUser(headers: Headers): RequestUser {
  const user = requestUser(headers);
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in first');
  return user;
}
