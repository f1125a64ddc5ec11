import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import { NavBar } from './nav-bar';
import './globals.css';

export const metadata: Metadata = { title: 'CoT Studio', description: 'Curate chain-of-thought datasets for video reasoning models' };

// Every page reads the live database; nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-full">
        <Providers>
          <NavBar />
          <main className="mx-auto max-w-[1600px] px-4 py-4">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
