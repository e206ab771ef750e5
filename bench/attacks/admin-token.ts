// Attack-bench support: the admin token of the throwaway gateway the attack scripts start (loopback only).
export const ADMIN_TOKEN = 'attack-bench-admin-token-0123456789';
