// Guards a page: logged out → /login (and back afterwards); a one-time password → 修改密码 first;
// the wrong role → the 404 page (no hint that the page exists).
import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { AccountView, Role, SessionView } from '../api.ts';
import { useSession } from '../session.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { LoadError } from './LoadError.tsx';

interface Props {
  roles?: readonly Role[];
  /** 修改密码 itself must stay reachable with a one-time password. */
  allowMustChange?: boolean;
  children: (account: AccountView, session: SessionView) => ReactNode;
}

export function RequireAccount({ roles, allowMustChange, children }: Props) {
  const { session, loadError, refresh } = useSession();
  const location = useLocation();
  if (!session) return loadError !== undefined ? <LoadError error={loadError} onRetry={() => void refresh().catch(() => undefined)} /> : <Skeleton active />;
  const account = session.account;
  if (!account) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (account.mustChangePassword && !allowMustChange) return <Navigate to="/account/password" replace />;
  if (roles && !roles.includes(account.role)) return <NotFoundPage />;
  return <>{children(account, session)}</>;
}
