import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, OrganisationKind, RegisterBody, UserView } from '@kepai/contracts';
import { queryKeys } from '../../../lib/query-keys';
import { resetAuctionSocket } from '../../../lib/socket';
import { fetchMe, login, logout, register } from '../api/auth';

export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
}

/** Where a user's console lives: one per organisation type. */
export function consolePath(type: OrganisationKind): string {
  return type === 'platform'
    ? '/console/admin'
    : `/console/${type === 'brokerage' ? 'broker' : type}`;
}

function useSignedIn() {
  const client = useQueryClient();
  return (user: UserView) => {
    // everything cached was read as somebody else
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'health' });
    client.setQueryData(queryKeys.me, user);
    resetAuctionSocket();
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: LoginBody) => login(body),
    onSuccess: (answer) => signedIn(answer.user),
  });
}

export function useRegister() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: RegisterBody) => register(body),
    onSuccess: (answer) => signedIn(answer.user),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'health' });
      client.setQueryData(queryKeys.me, null);
      resetAuctionSocket();
    },
  });
}
