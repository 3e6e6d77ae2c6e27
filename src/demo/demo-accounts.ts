import type { Role } from '../accounts/permissions';

// One account per role, listed on the sign-in page while demo data is on.
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_ACCOUNTS: Array<{ email: string; name: string; roles: Role[]; owns?: string[] }> =
  [
    {
      email: 'owner@demo.example',
      name: 'Sanne de Vries',
      roles: ['owner'],
      owns: ['whatsapp-movers', 'billing-chatbot', 'in-app-questions'],
    },
    {
      email: 'sales-owner@demo.example',
      name: 'Lotte Visser',
      roles: ['owner'],
      owns: ['test-drive-click-to-call', 'premium-video', 'concierge-chatbot'],
    },
    { email: 'board@demo.example', name: 'Marieke Smit', roles: ['board'] },
    { email: 'finance@demo.example', name: 'Eva Bos', roles: ['finance'] },
    { email: 'admin@demo.example', name: 'Admin', roles: ['admin'] },
    { email: 'viewer@demo.example', name: 'Vera Viewer', roles: ['viewer'] },
  ];
